import { describe, expect, it } from 'vitest';
import { metricsText } from '../test/fixtures';
import { histogramQuantile, histogramSeries, mergeHistogramSeries } from './histogram';
import { parsePrometheusText } from './prometheus';

const buckets = [
  { le: 0.1, count: 10 },
  { le: 0.5, count: 60 },
  { le: 1, count: 90 },
  { le: Number.POSITIVE_INFINITY, count: 100 },
];

describe('histogramQuantile', () => {
  it('interpolates inside the bucket that holds the rank, as PromQL does', () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.42); // rank 50: 0.1 + 0.4 * 40/50
    expect(histogramQuantile(0.05, buckets)).toBeCloseTo(0.05); // first bucket starts at 0
    expect(histogramQuantile(0.9, buckets)).toBeCloseTo(1);
  });

  it('answers the highest finite bound when the rank falls in +Inf', () => {
    expect(histogramQuantile(0.95, buckets)).toBe(1);
  });

  it('is NaN without observations or without a +Inf bucket', () => {
    expect(histogramQuantile(0.5, [{ le: Number.POSITIVE_INFINITY, count: 0 }])).toBeNaN();
    expect(histogramQuantile(0.5, [{ le: 1, count: 5 }])).toBeNaN();
    expect(histogramQuantile(0.5, [])).toBeNaN();
  });

  it('accepts buckets in any order', () => {
    expect(histogramQuantile(0.5, [...buckets].reverse())).toBeCloseTo(0.42);
  });
});

describe('histogramSeries', () => {
  it('groups samples by labels other than le and sorts buckets', () => {
    const family = parsePrometheusText(metricsText).families.get('http_server_request_duration_seconds')!;
    const series = histogramSeries(family);
    expect(series).toHaveLength(3);
    const ok = series.find((entry) => entry.labels.http_response_status_code === '200')!;
    expect(ok.count).toBe(100);
    expect(ok.sum).toBe(1.2);
    expect(ok.buckets.map((bucket) => bucket.le)).toEqual([
      0.005,
      0.01,
      0.025,
      0.05,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('merges series bucket by bucket', () => {
    const family = parsePrometheusText(metricsText).families.get('http_server_request_duration_seconds')!;
    const merged = mergeHistogramSeries(histogramSeries(family));
    expect(merged.count).toBe(110);
    expect(merged.sum).toBeCloseTo(1.296);
    expect(merged.buckets.at(-1)).toEqual({ le: Number.POSITIVE_INFINITY, count: 110 });
    expect(merged.buckets[0]).toEqual({ le: 0.005, count: 18 });
  });
});
