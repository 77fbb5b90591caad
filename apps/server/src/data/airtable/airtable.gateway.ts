import { createAirtableClient, type AirtableClient } from '@tableport/airtable';
import type { Kv } from '../../infra/kv';
import { createAirtableCache, type AirtableCache, type AirtableCacheOptions } from './cache/cache.store';
import { digest } from './internal/hash';
import { processAnswerWindow } from './scheduler/answer.window';
import { DEFAULT_PACING, type PacingOptions } from './scheduler/pacing.pacer';
import { DEFAULT_RETRY, type RetryOptions } from './scheduler/retry.policy';
import { buildScheduler } from './scheduler/scheduler.build';
import { SchedulerStatsCollector, type SchedulerEvent, type SchedulerStats } from './scheduler/scheduler.stats';

/** Options of {@link createAirtableGateway}. */
export interface AirtableGatewayOptions {
  /** Rate-limit counters and blocks (shared by every node on Redis) and the cache backend. */
  kv: Kv;
  /** The outbound-guarded fetch in the server; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Default `https://api.airtable.com`; tests and the conformance suite point it at `/v0`. */
  endpointUrl?: string;
  contentEndpointUrl?: string;
  /** Per attempt; default 60 s. */
  timeoutMs?: number;
  pacing?: Partial<PacingOptions>;
  retry?: Partial<RetryOptions>;
  /** How long a new write batch waits for company (default 25 ms; 0 still merges under load). */
  mergeWindowMs?: number;
  /** `false` turns the cache off; otherwise its options (or a cache shared with other gateways). */
  cache?: false | AirtableCache | Omit<AirtableCacheOptions, 'kv'>;
  /** Source of randomness for jitter (tests pass a fixed one). */
  random?: () => number;
  onEvent?: (event: SchedulerEvent) => void;
  onCacheError?: (error: unknown) => void;
}

/** Airtable through the scheduler: one client per token, sharing limits, cache and stats. */
export interface AirtableGateway {
  /** The scheduled client of a token (built once per token). */
  client(token: string): AirtableClient;
  readonly cache: AirtableCache | undefined;
  stats(): SchedulerStats;
  /** Subscribes the cache to other nodes' invalidations. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the gateway; nothing is sent until a client method is called. */
export function createAirtableGateway(options: AirtableGatewayOptions): AirtableGateway {
  const stats = new SchedulerStatsCollector(options.onEvent);
  const ownsCache = options.cache !== false && !isCache(options.cache);
  const cache =
    options.cache === false ? undefined : isCache(options.cache) ? options.cache : createAirtableCache({ ...options.cache, kv: options.kv });
  const clients = new Map<string, AirtableClient>();
  const pacing = { ...DEFAULT_PACING, ...options.pacing };
  const answerWindow = processAnswerWindow(pacing.answerWindowMs);
  const build = (token: string) => {
    const tokenHash = digest(token, 24);
    const scheduler = buildScheduler({
      limiter: options.kv.rateLimiter,
      tokenHash,
      pacing,
      answerWindow,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      mergeWindowMs: options.mergeWindowMs ?? 25,
      cache,
      stats,
      random: options.random ?? Math.random,
      onCacheError: options.onCacheError ?? (() => undefined),
    });
    return createAirtableClient({
      token,
      endpointUrl: options.endpointUrl,
      contentEndpointUrl: options.contentEndpointUrl,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      intercept: scheduler.intercept,
    });
  };
  return {
    cache,
    client: (token) => {
      const key = digest(token, 32);
      const existing = clients.get(key);
      if (existing) return existing;
      const created = build(token);
      clients.set(key, created);
      return created;
    },
    stats: () => stats.snapshot(),
    start: async () => cache?.start(),
    close: async () => {
      clients.clear();
      if (ownsCache) await cache?.close();
    },
  };
}

function isCache(value: unknown): value is AirtableCache {
  return typeof value === 'object' && value !== null && 'invalidate' in value && 'namespace' in value;
}
