import type { Kv, KvClock, KvLogger } from '../kv.types';
import { KvLifecycle } from '../internal/kv-lifecycle';
import { MemoryCache } from './cache.memory';
import { MemoryPubSub } from './pubsub.memory';
import { MemoryRateLimiter } from './rate-limiter.memory';

/** Options of {@link createMemoryKv}. */
export interface MemoryKvOptions {
  logger: KvLogger;
  /** Time source (default `Date.now`); tests pass a hand-moved clock. */
  clock?: KvClock;
  /** Most cache entries held before the least recently used are evicted (default 10,000). */
  cacheMaxEntries?: number;
  /** How often expired rate-limit keys are swept (default 60 s). */
  sweepIntervalMs?: number;
}

/** The in-process Kv: state lives in this process only (the embedded, single-node default). */
export interface MemoryKv extends Kv {
  readonly kind: 'memory';
  readonly cache: MemoryCache;
  readonly rateLimiter: MemoryRateLimiter;
  readonly pubsub: MemoryPubSub;
}

/** Builds the in-process Kv. Each call is independent: two instances share nothing. */
export function createMemoryKv(options: MemoryKvOptions): MemoryKv {
  const lifecycle = new KvLifecycle();
  const clock = options.clock ?? { now: () => Date.now() };
  const cache = new MemoryCache({ lifecycle, clock, maxEntries: options.cacheMaxEntries });
  const rateLimiter = new MemoryRateLimiter({ lifecycle, clock, sweepIntervalMs: options.sweepIntervalMs });
  const pubsub = new MemoryPubSub({ lifecycle, logger: options.logger });
  return {
    kind: 'memory',
    cache,
    rateLimiter,
    pubsub,
    async ping() {
      lifecycle.assertOpen();
    },
    async close() {
      if (!lifecycle.markClosed()) return;
      cache.dispose();
      rateLimiter.dispose();
      pubsub.dispose();
    },
  };
}
