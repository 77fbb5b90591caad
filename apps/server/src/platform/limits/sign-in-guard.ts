import { AppError } from '@tableport/contracts';
import type { Kv } from '../../infra/kv';

/** Lockout policy: after `failures` failed sign-ins within `windowMs`, refuse the account for `baseLockMs`, doubling per lockout up to `maxLockMs`. */
export interface LockoutPolicy {
  failures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
  /** Attempts per address per minute on the sign-in, sign-up and reset endpoints. */
  perAddressPerMinute: number;
}

/** The defaults: 5 failures in 15 minutes lock for 30 s, then 60 s, 120 s, … up to 15 minutes. */
export const DEFAULT_LOCKOUT: LockoutPolicy = {
  failures: 5,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  perAddressPerMinute: 30,
};

/** Failed sign-in accounting on the shared KV (exact across nodes with Redis). */
export interface SignInGuard {
  /** Throws `auth.locked_out` while the account is locked. */
  assertOpen(email: string): Promise<void>;
  /** Throws `rate_limit.exceeded` when one address makes too many auth attempts. */
  countAddress(address: string): Promise<void>;
  /** Counts a failure; returns the lock (ms) it started, or 0. */
  recordFailure(email: string): Promise<number>;
  recordSuccess(email: string): Promise<void>;
}

const LEVEL_TTL_MS = 24 * 3_600_000;

/** Builds the guard; `now` is the clock of the KV (tests move it by hand). */
export function createSignInGuard(options: {
  kv: Kv;
  policy?: LockoutPolicy;
  now?: () => number;
}): SignInGuard {
  const policy = options.policy ?? DEFAULT_LOCKOUT;
  const now = options.now ?? Date.now;
  const { rateLimiter, cache } = options.kv;
  const account = (email: string) => email.trim().toLowerCase();
  const keys = (email: string) => ({
    failures: `signin:fail:${account(email)}`,
    lock: `signin:lock:${account(email)}`,
    level: `signin:level:${account(email)}`,
  });
  return {
    async assertOpen(email) {
      const waitMs = await rateLimiter.blockedForMs(keys(email).lock);
      if (waitMs <= 0) return;
      throw new AppError({
        code: 'auth.locked_out',
        message: 'Too many failed sign-ins for this account; try again later',
        details: { retryAfterSeconds: Math.ceil(waitMs / 1000) },
      });
    },
    async countAddress(address) {
      const result = await rateLimiter.hit(`signin:addr:${address}`, {
        limit: policy.perAddressPerMinute,
        windowMs: 60_000,
      });
      if (result.allowed) return;
      throw new AppError({
        code: 'rate_limit.exceeded',
        message: 'Too many sign-in attempts from this address; try again later',
        details: { retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) },
      });
    },
    async recordFailure(email) {
      const key = keys(email);
      const result = await rateLimiter.hit(key.failures, {
        limit: policy.failures,
        windowMs: policy.windowMs,
      });
      if (result.allowed && result.remaining > 0) return 0;
      const level = (await cache.get<number>(key.level)) ?? 0;
      const lockMs = Math.min(policy.baseLockMs * 2 ** level, policy.maxLockMs);
      await rateLimiter.block(key.lock, now() + lockMs);
      await cache.set(key.level, level + 1, { ttlMs: LEVEL_TTL_MS });
      await rateLimiter.reset(key.failures);
      return lockMs;
    },
    async recordSuccess(email) {
      const key = keys(email);
      await rateLimiter.reset(key.failures);
      await cache.delete(key.level);
    },
  };
}
