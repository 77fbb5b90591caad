import type { Redis } from 'ioredis';
import type { Cache } from '../kv.types';
import { type KvLifecycle, toKvError } from '../internal/kv-lifecycle';
import { normaliseTtlMs } from '../internal/kv-options';
import { decodeJson, encodeJson } from '../internal/message-json';

/** Options of {@link RedisCache}. */
export interface RedisCacheOptions {
  redis: Redis;
  keyPrefix: string;
  lifecycle: KvLifecycle;
  /** Keys asked for per SCAN step of `deleteByPrefix` (default 500). */
  scanCount?: number;
}

/** TTL cache on Redis: JSON values under `<keyPrefix>cache:<key>`, expiring with PX. */
export class RedisCache implements Cache {
  readonly #redis: Redis;
  readonly #namespace: string;
  readonly #lifecycle: KvLifecycle;
  readonly #scanCount: number;

  constructor(options: RedisCacheOptions) {
    this.#redis = options.redis;
    this.#namespace = `${options.keyPrefix}cache:`;
    this.#lifecycle = options.lifecycle;
    this.#scanCount = options.scanCount ?? 500;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const stored = await this.#run('get', () => this.#redis.get(this.#namespace + key));
    if (stored === null) return undefined;
    const decoded = decodeJson(stored);
    // Someone else's value under our prefix: treat it as a miss rather than fail the read.
    return decoded.ok ? (decoded.value as T) : undefined;
  }

  async set(key: string, value: unknown, options: { ttlMs: number }): Promise<void> {
    const ttl = normaliseTtlMs(options.ttlMs);
    // `undefined` is what `get` answers for a missing key, so storing it means deleting.
    if (value === undefined) return this.delete(key);
    const json = encodeJson(value, 'Cache value');
    await this.#run('set', () => this.#redis.set(this.#namespace + key, json, 'PX', ttl));
  }

  async delete(key: string): Promise<void> {
    await this.#run('delete', () => this.#redis.unlink(this.#namespace + key));
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    const pattern = `${escapeGlob(this.#namespace + prefix)}*`;
    return this.#run('deleteByPrefix', async () => {
      let removed = 0;
      let cursor = '0';
      do {
        const [next, keys] = await this.#redis.scan(cursor, 'MATCH', pattern, 'COUNT', this.#scanCount);
        if (keys.length > 0) removed += await this.#redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
      return removed;
    });
  }

  async #run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    this.#lifecycle.assertOpen();
    try {
      return await command();
    } catch (error) {
      throw toKvError(error, `Redis cache ${operation}`);
    }
  }
}

// SCAN MATCH is a glob: a prefix holding `*`, `?`, `[` or `\` must match only itself.
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
