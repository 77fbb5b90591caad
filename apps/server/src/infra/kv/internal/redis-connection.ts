import { Redis } from 'ioredis';
import type { KvLogger } from '../kv.types';
import { kvUnavailable, toKvError } from './kv-lifecycle';

/** Connection settings shared by the command and subscriber connections. */
export interface RedisConnectionOptions {
  url: string;
  /** Shown in CLIENT LIST and in log lines. */
  name: string;
  logger: KvLogger;
  /** Give up on one connect attempt after this long (default 2,000 ms). */
  connectTimeoutMs?: number;
  /** Fail a command that gets no reply in this long, e.g. a stalled server (default 5,000 ms). */
  commandTimeoutMs?: number;
  /** Reconnect attempts a queued command waits through before failing (default 2). */
  maxRetriesPerRequest?: number;
}

/**
 * Opens an ioredis connection tuned to fail fast: while Redis is down, commands fail after a
 * couple of reconnect attempts (under ~2 s) instead of queueing forever, and reconnection goes on
 * in the background. Connection errors are logged once per outage, not once per attempt.
 */
export function openRedisConnection(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    lazyConnect: false,
    connectionName: options.name,
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    commandTimeout: options.commandTimeoutMs ?? 5_000,
    maxRetriesPerRequest: options.maxRetriesPerRequest ?? 2,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  let healthy = true;
  redis.on('error', (error: Error) => {
    if (!healthy) return;
    healthy = false;
    options.logger.warn({ err: error, connection: options.name }, 'Redis connection failed; retrying');
  });
  redis.on('ready', () => {
    if (!healthy) options.logger.info({ connection: options.name }, 'Redis connection restored');
    healthy = true;
  });
  return redis;
}

/** Answers when the connection is usable; fails at once when it is known to be down. */
export async function pingConnection(redis: Redis, name: string): Promise<void> {
  if (redis.status === 'reconnecting' || redis.status === 'end' || redis.status === 'close') {
    throw kvUnavailable(`Redis is unreachable (${name} connection is ${redis.status})`);
  }
  try {
    await redis.ping();
  } catch (error) {
    throw toKvError(error, 'Redis PING');
  }
}

/** Closes politely when connected (QUIT waits for pending replies), otherwise drops the socket. */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
