import { CircleXIcon, TriangleAlertIcon } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '../../../components/ui/alert';
import { formatClock } from '../../../lib/format';
import { statusRefreshMs } from '../status.queries';
import { StatusFetchError } from '../status-fetch';

/** Says why the latest reading failed, and whether older readings are still on screen. */
export function ConnectionAlert({
  error,
  lastSuccessAtMs,
}: {
  error: Error;
  lastSuccessAtMs: number | undefined;
}) {
  const unreachable = StatusFetchError.isInstance(error) && error.kind === 'unreachable';
  const retry = `This page tries again every ${statusRefreshMs / 1000} seconds.`;
  return (
    <Alert role="alert" tone={unreachable ? 'danger' : 'warning'}>
      {unreachable ? <CircleXIcon aria-hidden="true" /> : <TriangleAlertIcon aria-hidden="true" />}
      <AlertTitle>{unreachable ? 'Cannot reach the server' : 'The server answered unexpectedly'}</AlertTitle>
      <AlertDescription>
        <p>{error.message}</p>
        <p>
          {lastSuccessAtMs === undefined
            ? retry
            : `Showing the last readings, from ${formatClock(lastSuccessAtMs)}. ${retry}`}
        </p>
      </AlertDescription>
    </Alert>
  );
}
