/** Something the scheduler did; the module maps these to Prometheus metrics and logs. */
export type SchedulerEvent =
  | { type: 'upstream.sent'; operation: string; baseId?: string }
  | { type: 'upstream.failed'; operation: string; baseId?: string; code: string }
  | { type: 'rate_limited'; baseId?: string; blockMs: number }
  | { type: 'retry'; operation: string; attempt: number; delayMs: number; code: string }
  | { type: 'coalesced'; operation: string }
  | { type: 'cache.hit' | 'cache.miss'; kind: string }
  | { type: 'merge.batch'; operation: string; size: number }
  | { type: 'merge.split'; operation: string; size: number };

/** Running totals of the scheduler's events (one set per gateway). */
export interface SchedulerStats {
  /** Requests handed to the HTTP sender (every attempt counts). */
  upstreamRequests: number;
  /** Answers of 429 received from Airtable (never surfaced while tries remain). */
  upstreamRateLimited: number;
  /** Other failed attempts (5xx, timeouts, network, 4xx). */
  upstreamFailures: number;
  retries: number;
  coalesced: number;
  cacheHits: number;
  cacheMisses: number;
  /** Merged write requests sent, and the single-record writes they carried. */
  mergedBatches: number;
  mergedWrites: number;
  /** Merged batches that Airtable refused and that were split to isolate the bad records. */
  splits: number;
}

/** Collects events into {@link SchedulerStats} and forwards them to an optional observer. */
export class SchedulerStatsCollector {
  readonly #totals: SchedulerStats = {
    upstreamRequests: 0,
    upstreamRateLimited: 0,
    upstreamFailures: 0,
    retries: 0,
    coalesced: 0,
    cacheHits: 0,
    cacheMisses: 0,
    mergedBatches: 0,
    mergedWrites: 0,
    splits: 0,
  };
  readonly #observer: ((event: SchedulerEvent) => void) | undefined;

  constructor(observer?: (event: SchedulerEvent) => void) {
    this.#observer = observer;
  }

  /** Counts one event. */
  record(event: SchedulerEvent): void {
    const totals = this.#totals;
    if (event.type === 'upstream.sent') totals.upstreamRequests += 1;
    else if (event.type === 'upstream.failed') {
      if (event.code === 'airtable.rate_limited') totals.upstreamRateLimited += 1;
      else totals.upstreamFailures += 1;
    } else if (event.type === 'retry') totals.retries += 1;
    else if (event.type === 'coalesced') totals.coalesced += 1;
    else if (event.type === 'cache.hit') totals.cacheHits += 1;
    else if (event.type === 'cache.miss') totals.cacheMisses += 1;
    else if (event.type === 'merge.batch') {
      totals.mergedBatches += 1;
      totals.mergedWrites += event.size;
    } else if (event.type === 'merge.split') totals.splits += 1;
    this.#observer?.(event);
  }

  /** A copy of the totals. */
  snapshot(): SchedulerStats {
    return { ...this.#totals };
  }
}
