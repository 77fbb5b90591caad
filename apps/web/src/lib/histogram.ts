import type { MetricFamily } from './prometheus';

/** One cumulative bucket: how many observations were at most `le`. */
export interface Bucket {
  le: number;
  count: number;
}

/** One labelled series of a histogram, its buckets sorted by `le`. */
export interface HistogramSeries {
  labels: Readonly<Record<string, string>>;
  buckets: Bucket[];
  sum: number;
  count: number;
}

/** Groups a histogram family's `_bucket`, `_sum` and `_count` samples into series. */
export function histogramSeries(family: MetricFamily): HistogramSeries[] {
  const series = new Map<string, HistogramSeries>();
  for (const sample of family.samples) {
    const { le, ...labels } = sample.labels;
    const key = seriesKey(labels);
    let entry = series.get(key);
    if (!entry) {
      entry = { labels, buckets: [], sum: 0, count: 0 };
      series.set(key, entry);
    }
    if (sample.name === `${family.name}_bucket` && le !== undefined) {
      const bound = le === '+Inf' || le === 'Inf' ? Number.POSITIVE_INFINITY : Number(le);
      if (!Number.isNaN(bound)) entry.buckets.push({ le: bound, count: sample.value });
    } else if (sample.name === `${family.name}_sum`) entry.sum = sample.value;
    else if (sample.name === `${family.name}_count`) entry.count = sample.value;
  }
  for (const entry of series.values()) entry.buckets.sort((left, right) => left.le - right.le);
  return [...series.values()];
}

/** Adds several series into one (bucket by bucket), as `sum by (...)` does in PromQL. */
export function mergeHistogramSeries(
  all: readonly HistogramSeries[],
  labels: Readonly<Record<string, string>> = {},
): HistogramSeries {
  const counts = new Map<number, number>();
  let sum = 0;
  let count = 0;
  for (const series of all) {
    sum += series.sum;
    count += series.count;
    for (const bucket of series.buckets) counts.set(bucket.le, (counts.get(bucket.le) ?? 0) + bucket.count);
  }
  const buckets = [...counts].map(([le, bucketCount]) => ({ le, count: bucketCount }));
  return { labels, buckets: buckets.sort((left, right) => left.le - right.le), sum, count };
}

/**
 * Estimates the q-quantile (0 ≤ q ≤ 1) from cumulative buckets the way PromQL's
 * `histogram_quantile` does: linear interpolation inside the bucket that holds the rank, the
 * lowest bucket starting at 0, and the highest finite bound when the rank falls in `+Inf`.
 * NaN when there are no observations or no `+Inf` bucket.
 */
export function histogramQuantile(q: number, buckets: readonly Bucket[]): number {
  const sorted = [...buckets].sort((left, right) => left.le - right.le);
  const last = sorted.at(-1);
  if (!last || last.le !== Number.POSITIVE_INFINITY || last.count <= 0 || Number.isNaN(q)) return Number.NaN;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const rank = q * last.count;
  const index = sorted.findIndex((bucket) => bucket.count >= rank);
  const bucket = sorted[index]!;
  if (bucket.le === Number.POSITIVE_INFINITY) return sorted.at(-2)?.le ?? Number.NaN;
  const previous = sorted[index - 1];
  const lower = previous ? previous.le : Math.min(0, bucket.le);
  const countBelow = previous ? previous.count : 0;
  const inBucket = bucket.count - countBelow;
  if (inBucket <= 0) return bucket.le;
  return lower + (bucket.le - lower) * ((rank - countBelow) / inBucket);
}

function seriesKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(labels).sort(([left], [right]) => left.localeCompare(right)));
}
