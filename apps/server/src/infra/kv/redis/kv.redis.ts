import type { Kv, KvLogger } from '../kv.types';
import { KvLifecycle } from '../internal/kv-lifecycle';
import { closeConnection, openRedisConnection, pingConnection } from '../internal/redis-connection';
import { RedisCache } from './cache.redis';
import { RedisPubSub } from './pubsub.redis';
import { RedisRateLimiter } from './rate-limiter.redis';

/** Options of {@link createRedisKv}. */
export interface RedisKvOptions {
  /** `redis://` or `rediss://` URL (REDIS_URL). */
  url: string;
  /** Put before every key and channel, e.g. `tableport:`; tenants and test runs share one Redis. */
  keyPrefix: string;
  logger: KvLogger;
  /** Give up on one connect attempt after this long (default 2,000 ms). */
  connectTimeoutMs?: number;
  /** Fail a command that gets no reply in this long (default 5,000 ms). */
  commandTimeoutMs?: number;
}

/** The Redis Kv: what one node writes, every node reads. */
export interface RedisKv extends Kv {
  readonly kind: 'redis';
  readonly cache: RedisCache;
  readonly rateLimiter: RedisRateLimiter;
  readonly pubsub: RedisPubSub;
}

/**
 * Builds the Redis Kv with two connections: one for commands and publishing, one dedicated to
 * subscriptions (a subscribed connection cannot run other commands). It does not wait for Redis:
 * while Redis is down, calls and `ping()` fail with `service.unavailable` and reconnection goes on.
 */
export function createRedisKv(options: RedisKvOptions): RedisKv {
  const lifecycle = new KvLifecycle();
  const connection = { url: options.url, logger: options.logger, connectTimeoutMs: options.connectTimeoutMs };
  const publisher = openRedisConnection({
    ...connection,
    name: 'tableport-kv',
    commandTimeoutMs: options.commandTimeoutMs,
  });
  const subscriber = openRedisConnection({
    ...connection,
    name: 'tableport-kv-sub',
    commandTimeoutMs: options.commandTimeoutMs,
  });
  const { keyPrefix, logger } = options;
  return {
    kind: 'redis',
    cache: new RedisCache({ redis: publisher, keyPrefix, lifecycle }),
    rateLimiter: new RedisRateLimiter({ redis: publisher, keyPrefix, lifecycle }),
    pubsub: new RedisPubSub({ publisher, subscriber, keyPrefix, lifecycle, logger }),
    async ping() {
      lifecycle.assertOpen();
      await Promise.all([pingConnection(publisher, 'command'), pingConnection(subscriber, 'subscriber')]);
    },
    async close() {
      if (!lifecycle.markClosed()) return;
      await Promise.all([closeConnection(publisher), closeConnection(subscriber)]);
    },
  };
}
