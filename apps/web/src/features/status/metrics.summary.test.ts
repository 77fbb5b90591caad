import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from '../../lib/prometheus';
import { metricsText } from '../../test/fixtures';
import { cpuUtilisation, summarizeMetrics } from './metrics.summary';

describe('summarizeMetrics', () => {
  const summary = summarizeMetrics(parsePrometheusText(metricsText));

  it('counts requests and 4xx/5xx across every series', () => {
    expect(summary.requests).toMatchObject({ total: 110, serverErrors: 2, clientErrors: 8 });
    expect(summary.requests.errorRate).toBeCloseTo(2 / 110);
  });

  it('merges status codes per route, busiest first, with mean and p95', () => {
    const [tables, mcp] = summary.requests.routes;
    expect(tables).toMatchObject({
      method: 'GET',
      route: '/v0/{baseId}/{tableIdOrName}',
      requests: 102,
      serverErrors: 2,
    });
    expect(tables!.meanSeconds).toBeCloseTo(1.28 / 102);
    // rank 96.9 of 102 falls in (0.025, 0.05]: 0.025 + 0.025 * (96.9 - 90) / 12
    expect(tables!.p95Seconds).toBeCloseTo(0.039375);
    expect(mcp).toMatchObject({ method: 'POST', route: '/mcp', requests: 8, serverErrors: 0 });
  });

  it('reads process, build, readiness and job figures', () => {
    expect(summary.process).toMatchObject({
      residentMemoryBytes: 124151808,
      heapUsedBytes: 41943040,
      heapTotalBytes: 67108864,
      eventLoopLagSeconds: 0.002412,
      cpuSecondsTotal: 4.5,
    });
    expect(summary.ready).toBe(1);
    expect(summary.build).toEqual({ version: '0.1.0', commit: '3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a' });
    expect(summary.jobs).toContainEqual({ queue: 'webhook.deliver', state: 'failed', count: 2 });
  });

  it('gives empty figures for a server without request metrics yet', () => {
    const empty = summarizeMetrics(parsePrometheusText('tableport_ready 0\n'));
    expect(empty.requests).toMatchObject({ total: 0, routes: [] });
    expect(empty.requests.errorRate).toBeNaN();
    expect(empty.process.residentMemoryBytes).toBeUndefined();
    expect(empty.ready).toBe(0);
  });
});

describe('cpuUtilisation', () => {
  it('divides CPU seconds used by wall seconds passed', () => {
    const previous = { cpuSeconds: 4, atMs: 10_000 };
    expect(cpuUtilisation({ previous, current: { cpuSeconds: 4.5, atMs: 15_000 } })).toBeCloseTo(0.1);
  });

  it('says nothing after a restart or over too short a span', () => {
    const previous = { cpuSeconds: 4, atMs: 10_000 };
    expect(cpuUtilisation({ previous, current: { cpuSeconds: 1, atMs: 15_000 } })).toBeUndefined();
    expect(cpuUtilisation({ previous, current: { cpuSeconds: 4.1, atMs: 10_100 } })).toBeUndefined();
  });
});
