import { Link, Outlet } from '@tanstack/react-router';
import { AppLogo } from './app-logo';
import { MobileNav } from './mobile-nav';
import { ServerIndicator } from './server-indicator';
import { SidebarNav } from './sidebar-nav';

/** The frame every page renders in: skip link, header, sidebar and the main landmark. */
export function AppLayout() {
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur md:px-5">
        <MobileNav />
        <Link
          to="/"
          aria-label="Tableport home"
          className="rounded-md px-1 py-1 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <AppLogo />
        </Link>
        <div className="ml-auto">
          <ServerIndicator />
        </div>
      </header>
      <div className="flex">
        <aside
          aria-label="Sidebar"
          className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-56 shrink-0 border-r px-3 py-4 md:block"
        >
          <SidebarNav />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8 md:py-8">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
