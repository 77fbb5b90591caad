import { cpuUtilisation, summarizeMetrics, type StatusMetrics } from './metrics.summary';
import { parsePrometheusText } from '../../lib/prometheus';
import { fetchStatusEndpoint, StatusFetchError, throwIfGatewayError } from './status-fetch';

/** A reading of `/metrics`, summarised, with the lines the parser had to skip. */
export interface MetricsReading {
  metrics: StatusMetrics;
  skippedLines: number;
  fetchedAtMs: number;
  /** CPU use since the previous reading (1 = one core busy); undefined on the first reading. */
  cpuUtilisation: number | undefined;
}

/**
 * Reads and summarises `/metrics`; with the previous reading it also works out recent CPU use.
 * Throws StatusFetchError when there is no usable answer.
 */
export async function fetchMetrics(
  options: { signal?: AbortSignal; previous?: MetricsReading | undefined } = {},
): Promise<MetricsReading> {
  const response = await fetchStatusEndpoint({
    path: '/metrics',
    accept: 'text/plain;version=0.0.4, */*;q=0.1',
    signal: options.signal,
  });
  throwIfGatewayError(response, '/metrics');
  if (!response.ok) {
    throw new StatusFetchError({
      kind: 'http',
      httpStatus: response.status,
      message: `/metrics answered HTTP ${response.status}.`,
    });
  }
  const parsed = parsePrometheusText(await response.text());
  if (parsed.families.size === 0) {
    throw new StatusFetchError({ kind: 'invalid', message: '/metrics answered with no metrics.' });
  }
  const metrics = summarizeMetrics(parsed);
  const fetchedAtMs = Date.now();
  return {
    metrics,
    skippedLines: parsed.skippedLines.length,
    fetchedAtMs,
    cpuUtilisation: recentCpu({ previous: options.previous, metrics, fetchedAtMs }),
  };
}

function recentCpu(reading: {
  previous: MetricsReading | undefined;
  metrics: StatusMetrics;
  fetchedAtMs: number;
}): number | undefined {
  const before = reading.previous?.metrics.process.cpuSecondsTotal;
  const now = reading.metrics.process.cpuSecondsTotal;
  if (before === undefined || now === undefined || !reading.previous) return undefined;
  return cpuUtilisation({
    previous: { cpuSeconds: before, atMs: reading.previous.fetchedAtMs },
    current: { cpuSeconds: now, atMs: reading.fetchedAtMs },
  });
}
