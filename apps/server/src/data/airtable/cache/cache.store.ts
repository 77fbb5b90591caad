import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Kv } from '../../../infra/kv';
import { DEFAULT_CACHE_TTLS, type CacheKind, type CacheTtls } from './cache.kinds';
import { CacheVersions } from './cache.versions';

/** An answer as the cache keeps it (headers are not kept). */
export interface CachedAnswer {
  status: number;
  body: unknown;
}

/** Options of {@link createAirtableCache}. */
export interface AirtableCacheOptions {
  kv: Kv;
  ttlMs?: Partial<CacheTtls>;
  /** Entries kept in this process (default 5,000; the least recently used go first). */
  localMaxEntries?: number;
  /**
   * With Redis: how long a node trusts its copy of a version, relying on pub/sub for news.
   * Default 0: every read asks Redis, so a write on one node is seen by the next read on any
   * node (pub/sub alone is asynchronous and at most once).
   */
  versionMemoMs?: number;
}

/** What to drop: kinds of one base (or of `*`, the token-wide lists). */
export interface Invalidation {
  scope: string;
  kinds: readonly CacheKind[];
}

/** The cache of Airtable answers, shared by every gateway of the process. */
export interface AirtableCache {
  readonly ttlMs: CacheTtls;
  /** The prefix of the keys of one kind and scope, under the current version. */
  namespace(input: { scope: string; kind: CacheKind }): Promise<string>;
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer, kind: CacheKind): Promise<void>;
  /** Drops the kinds of a scope here, in Redis and (over pub/sub) in every node's memory. */
  invalidate(invalidation: Invalidation): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'airtable.cache';

/**
 * In-process LRU always; with Redis (`kv.kind === 'redis'`) also Redis behind it, shared by every
 * node. Keys carry a version per scope and kind, so invalidation never scans keys.
 */
export function createAirtableCache(options: AirtableCacheOptions): AirtableCache {
  const shared = options.kv.kind === 'redis' ? options.kv.cache : undefined;
  const ttlMs = { ...DEFAULT_CACHE_TTLS, ...options.ttlMs };
  const local = new LRUCache<string, CachedAnswer>({ max: options.localMaxEntries ?? 5_000 });
  const versions = new CacheVersions({ shared, memoMs: options.versionMemoMs ?? 0 });
  const nodeId = randomBytes(8).toString('hex');
  let unsubscribe: (() => Promise<void>) | undefined;
  const name = (scope: string, kind: CacheKind) => `${scope}:${kind}`;

  return {
    ttlMs,
    namespace: async ({ scope, kind }) => `at:c:${name(scope, kind)}:${await versions.current(name(scope, kind))}:`,
    get: async (key) => {
      const hit = local.get(key);
      if (hit) return structuredClone(hit);
      const stored = await shared?.get<CachedAnswer>(key);
      if (stored) local.set(key, stored, { ttl: 1_000 });
      return stored;
    },
    set: async (key, answer, kind) => {
      local.set(key, structuredClone(answer), { ttl: ttlMs[kind] });
      await shared?.set(key, answer, { ttlMs: ttlMs[kind] });
    },
    invalidate: async ({ scope, kinds }) => {
      for (const kind of kinds) {
        const version = await versions.bump(name(scope, kind));
        if (shared) await options.kv.pubsub.publish(CHANNEL, { nodeId, name: name(scope, kind), version });
      }
    },
    start: async () => {
      if (!shared || unsubscribe) return;
      unsubscribe = await options.kv.pubsub.subscribe(CHANNEL, (message) => {
        const news = message as { nodeId?: unknown; name?: unknown; version?: unknown };
        if (news.nodeId === nodeId || typeof news.name !== 'string' || typeof news.version !== 'string') return;
        versions.adopt(news.name, news.version);
      });
    },
    close: async () => {
      await unsubscribe?.();
      unsubscribe = undefined;
      local.clear();
    },
  };
}
