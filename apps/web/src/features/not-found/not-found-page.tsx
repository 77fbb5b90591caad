import { Link, useLocation } from '@tanstack/react-router';
import { ArrowLeftIcon, SearchXIcon } from 'lucide-react';
import { Button } from '../../components/ui/button';

/** Shown for any address the app has no page for. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div
      data-testid="not-found"
      className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center"
    >
      <title>Page not found · Tableport</title>
      <span className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <SearchXIcon className="size-6" aria-hidden="true" />
      </span>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">
        There is no page at{' '}
        <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-sm">{pathname}</code>.
      </p>
      <Button asChild variant="outline">
        <Link to="/">
          <ArrowLeftIcon aria-hidden="true" />
          Back to home
        </Link>
      </Button>
    </div>
  );
}
