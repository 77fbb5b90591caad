import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { RefreshCwIcon } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { cn } from '../../../lib/cn';
import { formatClock } from '../../../lib/format';
import { statusRefreshMs } from '../status.queries';

/** "Updated 14:05:09 · every 5 s" and a button that reads both endpoints now. */
export function RefreshBar({ updatedAtMs }: { updatedAtMs: number | undefined }) {
  const queryClient = useQueryClient();
  const fetching = useIsFetching({ queryKey: ['server'] }) > 0;
  return (
    <div className="flex items-center gap-3 text-sm text-muted-foreground">
      <p>
        {updatedAtMs === undefined ? 'Not updated yet' : `Updated ${formatClock(updatedAtMs)}`}
        <span aria-hidden="true"> · </span>
        <span>every {statusRefreshMs / 1000} s</span>
      </p>
      <Button
        variant="outline"
        size="sm"
        aria-busy={fetching}
        onClick={() => void queryClient.refetchQueries({ queryKey: ['server'] })}
      >
        <RefreshCwIcon
          aria-hidden="true"
          className={cn(fetching && 'animate-spin motion-reduce:animate-none')}
        />
        Refresh now
      </Button>
    </div>
  );
}
