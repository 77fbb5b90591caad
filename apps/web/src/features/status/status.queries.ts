import { queryOptions } from '@tanstack/react-query';
import { fetchMetrics, type MetricsReading } from './metrics.api';
import { fetchReadiness } from './readiness.api';

/** How often the status page reads `/readyz` and `/metrics`. */
export const statusRefreshMs = 5000;

// The page polls, so a failed read is retried by the next tick rather than by backoff, and the
// error shows at once instead of after three silent retries.
const polling = { refetchInterval: statusRefreshMs, retry: false } as const;

/** Query for `/readyz`, refreshed every 5 s. */
export const readinessQuery = queryOptions({
  queryKey: ['server', 'readiness'],
  queryFn: ({ signal }) => fetchReadiness({ signal }),
  ...polling,
});

/** Query for `/metrics`, refreshed every 5 s; each reading sees the last one to work out CPU use. */
export const metricsQuery = queryOptions({
  queryKey: ['server', 'metrics'],
  queryFn: ({ signal, client, queryKey }) =>
    fetchMetrics({ signal, previous: client.getQueryData<MetricsReading>(queryKey) }),
  ...polling,
});
