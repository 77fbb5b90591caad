import { MenuIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../ui/button';
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from '../ui/sheet';
import { AppLogo } from './app-logo';
import { SidebarNav } from './sidebar-nav';

/** On narrow screens the sidebar moves into a sheet opened from the header. */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
          <MenuIcon aria-hidden="true" />
        </Button>
      </SheetTrigger>
      <SheetContent closeLabel="Close navigation">
        <SheetTitle>
          <AppLogo />
        </SheetTitle>
        <SheetDescription className="sr-only">The pages of Tableport.</SheetDescription>
        <SidebarNav onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
