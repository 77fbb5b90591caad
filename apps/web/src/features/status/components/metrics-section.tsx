import type { UseQueryResult } from '@tanstack/react-query';
import { TriangleAlertIcon } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '../../../components/ui/alert';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatClock } from '../../../lib/format';
import type { MetricsReading } from '../metrics.api';
import { JobsCard } from './jobs-card';
import { RequestsCard } from './requests-card';
import { RuntimeCard } from './runtime-card';

/** The cards read from `/metrics`, or why they cannot be shown. */
export function MetricsSection({
  query,
  showError,
}: {
  query: UseQueryResult<MetricsReading>;
  showError: boolean;
}) {
  const reading = query.data;
  if (!reading) {
    if (query.error && showError) {
      return (
        <Alert tone="warning">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Metrics unavailable</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      );
    }
    if (query.error) return null; // the connection alert above already explains it
    return (
      <div aria-label="Loading metrics" role="status" className="grid gap-6">
        <Skeleton className="h-64" />
        <div className="grid gap-6 lg:grid-cols-2">
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      </div>
    );
  }
  return (
    <>
      {query.error && showError ? (
        <Alert tone="warning">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Metrics could not be refreshed</AlertTitle>
          <AlertDescription>
            {query.error.message} Showing the readings from {formatClock(reading.fetchedAtMs)}.
          </AlertDescription>
        </Alert>
      ) : null}
      <RequestsCard requests={reading.metrics.requests} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RuntimeCard process={reading.metrics.process} cpuUtilisation={reading.cpuUtilisation} />
        <JobsCard jobs={reading.metrics.jobs} />
      </div>
    </>
  );
}
