import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { readinessQuery } from '../../features/status/status.queries';
import { describeReadiness } from '../../features/status/readiness-state';
import { cn } from '../../lib/cn';

// The header checks less often than the status page; on that page the shorter interval wins.
const headerRefreshMs = 30_000;

/** A small "Server: Ready" link to the status page, shown in the header on every page. */
export function ServerIndicator() {
  const query = useQuery({ ...readinessQuery, refetchInterval: headerRefreshMs });
  const state = describeReadiness(query);
  return (
    <Link
      to="/status"
      className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <span
        aria-hidden="true"
        className={cn('size-2 rounded-full', {
          'bg-success': state.tone === 'success',
          'bg-destructive': state.tone === 'danger',
          'bg-warning': state.tone === 'warning',
          'bg-muted-foreground/50': state.tone === 'neutral',
        })}
      />
      <span>
        <span className="sr-only sm:not-sr-only">Server: </span>
        {state.label}
      </span>
    </Link>
  );
}
