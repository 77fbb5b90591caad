import {
  histogramQuantile,
  histogramSeries,
  mergeHistogramSeries,
  type HistogramSeries,
} from '../../lib/histogram';
import { findSamples, firstValue, type ParsedMetrics } from '../../lib/prometheus';

/** Request figures for one route template and method, since the server started. */
export interface RouteStats {
  method: string;
  route: string;
  requests: number;
  serverErrors: number;
  meanSeconds: number;
  p95Seconds: number;
}

/** Process figures from prom-client's default metrics; undefined when not exported. */
export interface ProcessStats {
  residentMemoryBytes: number | undefined;
  heapUsedBytes: number | undefined;
  heapTotalBytes: number | undefined;
  eventLoopLagSeconds: number | undefined;
  eventLoopLagP99Seconds: number | undefined;
  cpuSecondsTotal: number | undefined;
  startTimeSeconds: number | undefined;
}

/** How many jobs one queue holds in one state. */
export interface JobCount {
  queue: string;
  state: string;
  count: number;
}

/** Everything the status page reads from `/metrics`. */
export interface StatusMetrics {
  requests: {
    total: number;
    clientErrors: number;
    serverErrors: number;
    /** Share of requests answered 5xx, 0..1; NaN before the first request. */
    errorRate: number;
    routes: RouteStats[];
  };
  process: ProcessStats;
  jobs: JobCount[];
  ready: number | undefined;
  build: { version: string; commit: string } | undefined;
}

const requestHistogram = 'http_server_request_duration_seconds';

/** Summarises parsed `/metrics` output for the status page. */
export function summarizeMetrics(parsed: ParsedMetrics): StatusMetrics {
  const family = parsed.families.get(requestHistogram);
  const series = family?.type === 'histogram' ? histogramSeries(family) : [];
  const total = sumCount(series);
  const serverErrors = sumCount(series.filter((entry) => statusClass(entry) === '5'));
  const buildLabels = findSamples(parsed, 'tableport_build_info')[0]?.labels;
  return {
    requests: {
      total,
      clientErrors: sumCount(series.filter((entry) => statusClass(entry) === '4')),
      serverErrors,
      errorRate: total > 0 ? serverErrors / total : Number.NaN,
      routes: routeStats(series),
    },
    process: processStats(parsed),
    jobs: findSamples(parsed, 'tableport_jobs').map((sample) => ({
      queue: sample.labels.queue ?? '',
      state: sample.labels.state ?? '',
      count: sample.value,
    })),
    ready: firstValue(parsed, 'tableport_ready'),
    build: buildLabels && { version: buildLabels.version ?? '', commit: buildLabels.commit ?? '' },
  };
}

/** CPU use (1 = one core busy) between two readings of `process_cpu_seconds_total`. */
export function cpuUtilisation(options: {
  previous: { cpuSeconds: number; atMs: number };
  current: { cpuSeconds: number; atMs: number };
}): number | undefined {
  const elapsedSeconds = (options.current.atMs - options.previous.atMs) / 1000;
  const used = options.current.cpuSeconds - options.previous.cpuSeconds;
  // A restart resets the counter; a reading too close to the last one says nothing.
  if (elapsedSeconds < 0.5 || used < 0) return undefined;
  return used / elapsedSeconds;
}

function routeStats(series: readonly HistogramSeries[]): RouteStats[] {
  const byRoute = new Map<string, HistogramSeries[]>();
  for (const entry of series) {
    const key = `${entry.labels.http_request_method ?? ''} ${entry.labels.http_route ?? ''}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), entry]);
  }
  const routes = [...byRoute.values()].map((group) => {
    const merged = mergeHistogramSeries(group);
    return {
      method: group[0]?.labels.http_request_method ?? '',
      route: group[0]?.labels.http_route ?? '',
      requests: merged.count,
      serverErrors: sumCount(group.filter((entry) => statusClass(entry) === '5')),
      meanSeconds: merged.count > 0 ? merged.sum / merged.count : Number.NaN,
      p95Seconds: histogramQuantile(0.95, merged.buckets),
    };
  });
  return routes.sort(
    (left, right) => right.requests - left.requests || left.route.localeCompare(right.route),
  );
}

function processStats(parsed: ParsedMetrics): ProcessStats {
  return {
    residentMemoryBytes: firstValue(parsed, 'process_resident_memory_bytes'),
    heapUsedBytes: firstValue(parsed, 'nodejs_heap_size_used_bytes'),
    heapTotalBytes: firstValue(parsed, 'nodejs_heap_size_total_bytes'),
    eventLoopLagSeconds: firstValue(parsed, 'nodejs_eventloop_lag_seconds'),
    eventLoopLagP99Seconds: firstValue(parsed, 'nodejs_eventloop_lag_p99_seconds'),
    cpuSecondsTotal: firstValue(parsed, 'process_cpu_seconds_total'),
    startTimeSeconds: firstValue(parsed, 'process_start_time_seconds'),
  };
}

function sumCount(series: readonly HistogramSeries[]): number {
  return series.reduce((total, entry) => total + entry.count, 0);
}

function statusClass(series: HistogramSeries): string | undefined {
  return series.labels.http_response_status_code?.[0];
}
