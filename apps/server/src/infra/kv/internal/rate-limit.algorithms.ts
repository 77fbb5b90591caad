import type { HitResult, ReserveResult } from '../kv.types';
import type { NormalisedHitOptions, NormalisedReserveOptions } from './kv-options';

/*
 * The two rate-limit algorithms as pure decisions over plain numbers (epoch ms). The memory adapter
 * applies them to its maps; the Lua scripts in rate-limit.lua.ts implement the same steps on Redis,
 * so keep the two in step.
 */

/** Input of {@link decideHit}: the key's logged hits inside the window, ascending. */
export interface HitInput {
  now: number;
  stamps: readonly number[];
  /** End of the key's block or lockout (0 or past = not blocked). */
  blockedUntil: number;
  options: NormalisedHitOptions;
}

/** What to do with one hit: the answer, whether to log it, and a lockout to start. */
export interface HitDecision {
  result: HitResult;
  record: boolean;
  lockUntil?: number;
}

/** Sliding log: allowed while fewer than `limit` hits are newer than `now - windowMs`. */
export function decideHit({ now, stamps, blockedUntil, options }: HitInput): HitDecision {
  const { limit, windowMs, lockoutMs } = options;
  if (blockedUntil > now) return refuse(blockedUntil - now);
  const count = stamps.length;
  if (count < limit)
    return { result: { allowed: true, remaining: limit - count - 1, retryAfterMs: 0 }, record: true };
  // Airtable: the request over the limit starts the lockout; requests during it do not extend it.
  if (lockoutMs > 0) return { ...refuse(lockoutMs), lockUntil: now + lockoutMs };
  const freedAt = stamps[count - limit]! + windowMs;
  return refuse(freedAt - now);
}

/** Drops the stamps that left the window ending at `now` (kept: newer than `now - windowMs`). */
export function pruneStamps(stamps: number[], now: number, windowMs: number): void {
  let expired = 0;
  while (expired < stamps.length && stamps[expired]! <= now - windowMs) expired += 1;
  if (expired > 0) stamps.splice(0, expired);
}

/** Input of {@link decideReserve}: the stored theoretical arrival time (0 = none). */
export interface ReserveInput {
  now: number;
  tat: number;
  blockedUntil: number;
  options: NormalisedReserveOptions;
}

/** The answer plus the theoretical arrival time to store when granted. */
export interface ReserveDecision {
  result: ReserveResult;
  newTat?: number;
}

/** GCRA: slots `intervalMs` apart, up to `burst` at once; a block pushes slots past its end. */
export function decideReserve({ now, tat, blockedUntil, options }: ReserveInput): ReserveDecision {
  const { intervalMs, burst, maxWaitMs } = options;
  const tolerance = (burst - 1) * intervalMs;
  let arrival = Math.max(tat, now);
  // After a block, restart without a burst: an upstream 429 means we were already too fast.
  if (blockedUntil > now) arrival = Math.max(arrival, blockedUntil + tolerance);
  const waitMs = Math.max(0, arrival - tolerance - now);
  if (maxWaitMs >= 0 && waitMs > maxWaitMs) return { result: { granted: false, waitMs } };
  return { result: { granted: true, waitMs }, newTat: arrival + intervalMs };
}

function refuse(retryAfterMs: number): HitDecision {
  return { result: { allowed: false, remaining: 0, retryAfterMs }, record: false };
}
