import { AppError } from '@tableport/contracts';
import { LRUCache } from 'lru-cache';
import type { Cache, KvClock } from '../kv.types';
import type { KvLifecycle } from '../internal/kv-lifecycle';
import { normaliseTtlMs } from '../internal/kv-options';

/** Options of {@link MemoryCache}. */
export interface MemoryCacheOptions {
  lifecycle: KvLifecycle;
  clock: KvClock;
  /** Most entries held; the least recently used go first (default 10,000). */
  maxEntries?: number;
}

// lru-cache cannot hold `undefined`, and a boxed value keeps `null` and primitives uniform.
interface Entry {
  value: unknown;
}

/**
 * In-process TTL cache on lru-cache. Values are stored and returned as structured clones, so a
 * caller mutating its object (before or after) never changes what others read.
 */
export class MemoryCache implements Cache {
  readonly #lifecycle: KvLifecycle;
  readonly #entries: LRUCache<string, Entry>;

  constructor(options: MemoryCacheOptions) {
    this.#lifecycle = options.lifecycle;
    this.#entries = new LRUCache<string, Entry>({
      max: options.maxEntries ?? 10_000,
      perf: options.clock,
      // Read the clock on every check: the default 1 ms memo would hide a hand-moved test clock.
      ttlResolution: 0,
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    this.#lifecycle.assertOpen();
    const entry = this.#entries.get(key);
    return entry === undefined ? undefined : (structuredClone(entry.value) as T);
  }

  async set(key: string, value: unknown, options: { ttlMs: number }): Promise<void> {
    this.#lifecycle.assertOpen();
    const ttl = normaliseTtlMs(options.ttlMs);
    // `undefined` is what `get` answers for a missing key, so storing it means deleting.
    if (value === undefined) {
      this.#entries.delete(key);
      return;
    }
    this.#entries.set(key, { value: cloneForCache(value) }, { ttl });
  }

  async delete(key: string): Promise<void> {
    this.#lifecycle.assertOpen();
    this.#entries.delete(key);
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    this.#lifecycle.assertOpen();
    // keys() skips expired entries, so the count covers live keys only.
    const doomed = [...this.#entries.keys()].filter((key) => key.startsWith(prefix));
    for (const key of doomed) this.#entries.delete(key);
    return doomed.length;
  }

  /** Forgets every entry. */
  dispose(): void {
    this.#entries.clear();
  }
}

function cloneForCache(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new AppError({
      code: 'internal.unexpected',
      message: 'Cache value cannot be cloned',
      cause: error,
    });
  }
}
