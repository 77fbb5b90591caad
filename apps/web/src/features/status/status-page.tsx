import { useQuery } from '@tanstack/react-query';
import { ConnectionAlert } from './components/connection-alert';
import { MetricsSection } from './components/metrics-section';
import { ReadinessCard } from './components/readiness-card';
import { RefreshBar } from './components/refresh-bar';
import { describeReadiness } from './readiness-state';
import { metricsQuery, readinessQuery } from './status.queries';

/** Live server status from `/readyz` and `/metrics`, read every 5 s. */
export function StatusPage() {
  const readiness = useQuery(readinessQuery);
  const metrics = useQuery(metricsQuery);
  const state = describeReadiness(readiness);
  const updatedAtMs = latest(readiness.data?.fetchedAtMs, metrics.data?.fetchedAtMs);
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <title>Status · Tableport</title>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Server status</h1>
          <p className="text-sm text-muted-foreground">
            Readiness, traffic and resources of this Tableport server.
          </p>
        </div>
        <RefreshBar updatedAtMs={updatedAtMs} />
      </div>
      {readiness.error ? (
        <ConnectionAlert error={readiness.error} lastSuccessAtMs={readiness.data?.fetchedAtMs} />
      ) : null}
      <ReadinessCard state={state} reading={readiness.data} />
      <MetricsSection query={metrics} showError={!readiness.error} />
    </div>
  );
}

function latest(...times: Array<number | undefined>): number | undefined {
  const known = times.filter((time) => time !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}
