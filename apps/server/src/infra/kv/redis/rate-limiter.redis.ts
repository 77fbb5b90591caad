import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HitOptions, HitResult, RateLimiter, ReserveOptions, ReserveResult } from '../kv.types';
import { type KvLifecycle, toKvError } from '../internal/kv-lifecycle';
import { normaliseHitOptions, normaliseReserveOptions } from '../internal/kv-options';
import { BLOCK_SCRIPT, BLOCKED_FOR_SCRIPT, HIT_SCRIPT, RESERVE_SCRIPT } from '../internal/rate-limit.lua';

/** Options of {@link RedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  redis: Redis;
  keyPrefix: string;
  lifecycle: KvLifecycle;
}

type Arg = string | number;

// The Lua scripts registered with ioredis's defineCommand (EVALSHA with an EVAL fallback).
interface RateLimitCommands {
  tableportHit(...keysAndArgs: Arg[]): Promise<[number, number, number]>;
  tableportReserve(...keysAndArgs: Arg[]): Promise<[number, number]>;
  tableportBlock(...keysAndArgs: Arg[]): Promise<number>;
  tableportBlockedFor(...keysAndArgs: Arg[]): Promise<number>;
}

/**
 * Rate limiter on Redis: each decision is one Lua script, so every node sees exact counts.
 * Every key expires on its own (PEXPIRE/PX), so idle keys leave nothing behind.
 */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis & RateLimitCommands;
  readonly #keyPrefix: string;
  readonly #lifecycle: KvLifecycle;

  constructor(options: RedisRateLimiterOptions) {
    this.#redis = defineRateLimitCommands(options.redis);
    this.#keyPrefix = options.keyPrefix;
    this.#lifecycle = options.lifecycle;
  }

  async hit(key: string, options: HitOptions): Promise<HitResult> {
    const { limit, windowMs, lockoutMs } = normaliseHitOptions(options);
    const keys = this.#keys(key);
    const [allowed, remaining, retryAfterMs] = await this.#run('hit', () =>
      this.#redis.tableportHit(keys.log, keys.lock, keys.block, limit, windowMs, lockoutMs, randomUUID()),
    );
    return { allowed: allowed === 1, remaining, retryAfterMs };
  }

  async reserve(key: string, options: ReserveOptions): Promise<ReserveResult> {
    const { intervalMs, burst, maxWaitMs } = normaliseReserveOptions(options);
    const keys = this.#keys(key);
    const [granted, waitMs] = await this.#run('reserve', () =>
      this.#redis.tableportReserve(keys.tat, keys.lock, keys.block, intervalMs, burst, maxWaitMs),
    );
    return { granted: granted === 1, waitMs };
  }

  async block(key: string, untilEpochMs: number): Promise<void> {
    this.#lifecycle.assertOpen();
    // Sent as a duration and anchored on the Redis clock, so this node's clock skew does not matter.
    const durationMs = Math.ceil(untilEpochMs - Date.now());
    if (durationMs <= 0) return;
    await this.#run('block', () => this.#redis.tableportBlock(this.#keys(key).block, durationMs));
  }

  async blockedForMs(key: string): Promise<number> {
    const keys = this.#keys(key);
    return this.#run('blockedForMs', () => this.#redis.tableportBlockedFor(keys.tat, keys.lock, keys.block));
  }

  async reset(key: string): Promise<void> {
    const keys = this.#keys(key);
    await this.#run('reset', () => this.#redis.unlink(keys.log, keys.lock, keys.block, keys.tat));
  }

  // One hash tag per key, so the script's keys share a slot should this ever run on a cluster.
  #keys(key: string): { log: string; lock: string; block: string; tat: string } {
    const base = `${this.#keyPrefix}rl:{${key}}`;
    return { log: `${base}:log`, lock: `${base}:lock`, block: `${base}:block`, tat: `${base}:tat` };
  }

  async #run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    this.#lifecycle.assertOpen();
    try {
      return await command();
    } catch (error) {
      throw toKvError(error, `Redis rate limiter ${operation}`);
    }
  }
}

function defineRateLimitCommands(redis: Redis): Redis & RateLimitCommands {
  redis.defineCommand('tableportHit', { numberOfKeys: 3, lua: HIT_SCRIPT });
  redis.defineCommand('tableportReserve', { numberOfKeys: 3, lua: RESERVE_SCRIPT });
  redis.defineCommand('tableportBlock', { numberOfKeys: 1, lua: BLOCK_SCRIPT });
  redis.defineCommand('tableportBlockedFor', { numberOfKeys: 3, lua: BLOCKED_FOR_SCRIPT, readOnly: true });
  return redis as Redis & RateLimitCommands;
}
