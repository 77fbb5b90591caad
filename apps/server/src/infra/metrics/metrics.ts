import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds: fine below 100 ms, where most requests land. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The process's Prometheus registry and the metrics every module shares. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'http_request_method' | 'http_route' | 'http_response_status_code'>;
  readonly ready: Gauge;
  /** Registers a collector that fills a gauge on every scrape (job counts, pool sizes). */
  onCollect(collect: () => Promise<void>): void;
  /** Prometheus text exposition. */
  render(): Promise<string>;
  readonly contentType: string;
}

/**
 * Builds a registry per process (no global singleton, so tests can run several apps).
 * Metric names follow DESIGN.md: OpenTelemetry HTTP semantic names, `tableport_*` for ours.
 */
export function createMetrics(options: { version: string; commit: string }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const collectors: (() => Promise<void>)[] = [];

  const httpDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP server requests, by method, route template and status.',
    labelNames: ['http_request_method', 'http_route', 'http_response_status_code'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const ready = new Gauge({
    name: 'tableport_ready',
    help: '1 when /readyz would answer 200, else 0.',
    registers: [registry],
  });
  const buildInfo = new Gauge({
    name: 'tableport_build_info',
    help: 'Version and commit of the running build (always 1).',
    labelNames: ['version', 'commit'] as const,
    registers: [registry],
  });
  buildInfo.set({ version: options.version, commit: options.commit }, 1);

  return {
    registry,
    httpDuration,
    ready,
    contentType: registry.contentType,
    onCollect: (collect) => void collectors.push(collect),
    render: async () => {
      await Promise.all(collectors.map((collect) => collect().catch(() => undefined)));
      return registry.metrics();
    },
  };
}
