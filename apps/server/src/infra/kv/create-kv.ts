import { AppError } from '@tableport/contracts';
import type { Kv, KvLogger } from './kv.types';
import { createMemoryKv } from './memory/kv.memory';
import { createRedisKv } from './redis/kv.redis';

/** Options of {@link createKv}. */
export interface CreateKvOptions {
  /** REDIS_URL: Redis when set, in-process adapters when absent or empty. */
  redisUrl?: string;
  /** Put before every Redis key and channel (`tableport:`); lets deployments and test runs share a Redis. */
  keyPrefix: string;
  /** pino-compatible logger for connection trouble and failing pub/sub handlers (default: console). */
  logger?: KvLogger;
}

/**
 * Builds the cache, rate limiter and pub/sub: on Redis when `redisUrl` is set (shared by every
 * node), in process otherwise. Resolves without waiting for Redis; `ping()` reports its health.
 */
export async function createKv(options: CreateKvOptions): Promise<Kv> {
  const logger = options.logger ?? consoleLogger();
  if (!options.redisUrl) return createMemoryKv({ logger });
  assertRedisUrl(options.redisUrl);
  return createRedisKv({ url: options.redisUrl, keyPrefix: options.keyPrefix, logger });
}

function assertRedisUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol === 'redis:' || protocol === 'rediss:') return;
  // Never echo the URL: it may carry a password.
  throw new AppError({ code: 'config.invalid', message: 'REDIS_URL must be a redis:// or rediss:// URL' });
}

function consoleLogger(): KvLogger {
  return {
    info: () => undefined,
    warn: (context, message) => console.warn(message, context),
    error: (context, message) => console.error(message, context),
  };
}
