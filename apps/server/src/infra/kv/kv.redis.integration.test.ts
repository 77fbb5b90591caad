import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedisPrefix } from '../../../test/harness';
import { describeKvContract } from './kv.contract';
import { createMemoryKv } from './memory/kv.memory';
import { createRedisKv } from './redis/kv.redis';

// With REDIS_URL the suite runs on Redis under a prefix of its own, deleted afterwards; without
// it, integration tests run on the in-process adapters (CONTRIBUTING.md).
const redisUrl = process.env.REDIS_URL;

if (redisUrl) {
  // tp_test_<run>:<unique>: the run's global teardown also deletes it, should this file crash.
  const runPrefix = testRedisPrefix();
  const admin = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const runKeys = () => admin.keys(`${runPrefix}*`);

  describeKvContract('redis', {
    sharesState: true,
    open: async ({ namespace, logger }) =>
      createRedisKv({ url: redisUrl, keyPrefix: `${runPrefix}${namespace}:`, logger }),
  });

  describe('redis adapter', () => {
    it('gives every rate-limit and cache key an expiry, so idle keys clean themselves up', async () => {
      const kv = createRedisKv({ url: redisUrl, keyPrefix: `${runPrefix}ttl:`, logger: console });
      await kv.rateLimiter.hit('k', { limit: 1, windowMs: 5_000, lockoutMs: 5_000 });
      await kv.rateLimiter.hit('k', { limit: 1, windowMs: 5_000, lockoutMs: 5_000 });
      await kv.rateLimiter.reserve('k', { intervalMs: 5_000 });
      await kv.rateLimiter.reserve('k', { intervalMs: 5_000 });
      await kv.rateLimiter.block('k', Date.now() + 5_000);
      await kv.cache.set('c', 1, { ttlMs: 5_000 });
      const keys = await admin.keys(`${runPrefix}ttl:*`);
      expect(keys).toHaveLength(5);
      for (const key of keys) {
        const ttl = await admin.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        // The longest is the schedule: two 5 s slots, pushed back by the 5 s lockout.
        expect(ttl).toBeLessThanOrEqual(15_000);
      }
      await kv.close();
    });
  });

  afterAll(async () => {
    const keys = await runKeys();
    if (keys.length > 0) await admin.unlink(...keys);
    expect(await runKeys()).toEqual([]);
    await admin.quit();
  });
} else {
  describeKvContract('memory, REDIS_URL unset', {
    sharesState: false,
    open: async ({ logger }) => createMemoryKv({ logger }),
  });
}
