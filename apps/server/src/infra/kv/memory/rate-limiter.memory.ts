import type { HitOptions, HitResult, KvClock, RateLimiter, ReserveOptions, ReserveResult } from '../kv.types';
import type { KvLifecycle } from '../internal/kv-lifecycle';
import { normaliseHitOptions, normaliseReserveOptions } from '../internal/kv-options';
import { decideHit, decideReserve, pruneStamps } from '../internal/rate-limit.algorithms';

/** Options of {@link MemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  lifecycle: KvLifecycle;
  clock: KvClock;
  /** How often expired keys are swept away (default 60 s); lookups also drop them lazily. */
  sweepIntervalMs?: number;
}

interface HitLog {
  stamps: number[];
  windowMs: number;
}

/**
 * In-process rate limiter. Every decision runs synchronously between two awaits, so concurrent
 * callers in one process see exact counts without locks.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly #lifecycle: KvLifecycle;
  readonly #clock: KvClock;
  readonly #logs = new Map<string, HitLog>();
  readonly #locks = new Map<string, number>();
  readonly #blocks = new Map<string, number>();
  readonly #tats = new Map<string, number>();
  readonly #sweepTimer: NodeJS.Timeout;

  constructor(options: MemoryRateLimiterOptions) {
    this.#lifecycle = options.lifecycle;
    this.#clock = options.clock;
    this.#sweepTimer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 60_000);
    this.#sweepTimer.unref();
  }

  async hit(key: string, options: HitOptions): Promise<HitResult> {
    this.#lifecycle.assertOpen();
    const normalised = normaliseHitOptions(options);
    const now = this.#now();
    const log = this.#logs.get(key) ?? { stamps: [], windowMs: normalised.windowMs };
    log.windowMs = normalised.windowMs;
    pruneStamps(log.stamps, now, log.windowMs);
    const decision = decideHit({
      now,
      stamps: log.stamps,
      blockedUntil: this.#blockedUntil(key, now),
      options: normalised,
    });
    if (decision.record) insertSorted(log.stamps, now);
    if (decision.lockUntil !== undefined) this.#locks.set(key, decision.lockUntil);
    if (log.stamps.length > 0) this.#logs.set(key, log);
    else this.#logs.delete(key);
    return decision.result;
  }

  async reserve(key: string, options: ReserveOptions): Promise<ReserveResult> {
    this.#lifecycle.assertOpen();
    const normalised = normaliseReserveOptions(options);
    const now = this.#now();
    const tat = this.#tats.get(key) ?? 0;
    const decision = decideReserve({
      now,
      tat,
      blockedUntil: this.#blockedUntil(key, now),
      options: normalised,
    });
    if (decision.newTat !== undefined) this.#tats.set(key, decision.newTat);
    return decision.result;
  }

  async block(key: string, untilEpochMs: number): Promise<void> {
    this.#lifecycle.assertOpen();
    const until = Math.ceil(untilEpochMs);
    // A block only ever extends: two nodes reporting 429s must not shorten each other's wait.
    if (until > this.#now() && until > (this.#blocks.get(key) ?? 0)) this.#blocks.set(key, until);
  }

  async blockedForMs(key: string): Promise<number> {
    this.#lifecycle.assertOpen();
    const now = this.#now();
    return Math.max(0, this.#blockedUntil(key, now) - now);
  }

  async reset(key: string): Promise<void> {
    this.#lifecycle.assertOpen();
    for (const map of [this.#logs, this.#locks, this.#blocks, this.#tats]) map.delete(key);
  }

  /** Drops every key whose counters, lockout, block and schedule have all expired. */
  sweep(): void {
    const now = this.#now();
    for (const [key, log] of this.#logs) {
      if (log.stamps.at(-1)! <= now - log.windowMs) this.#logs.delete(key);
    }
    for (const map of [this.#locks, this.#blocks, this.#tats]) {
      for (const [key, until] of map) if (until <= now) map.delete(key);
    }
  }

  /** How many entries the limiter holds (for tests and metrics). */
  get trackedEntries(): number {
    return this.#logs.size + this.#locks.size + this.#blocks.size + this.#tats.size;
  }

  /** Stops the sweep timer and forgets every key. */
  dispose(): void {
    clearInterval(this.#sweepTimer);
    for (const map of [this.#logs, this.#locks, this.#blocks, this.#tats]) map.clear();
  }

  #now(): number {
    return Math.floor(this.#clock.now());
  }

  #blockedUntil(key: string, now: number): number {
    let until = 0;
    for (const map of [this.#locks, this.#blocks]) {
      const value = map.get(key);
      if (value === undefined) continue;
      if (value <= now) map.delete(key);
      else until = Math.max(until, value);
    }
    return until;
  }
}

// The clock may step back (NTP); keep the log ascending so pruning stays a prefix cut.
function insertSorted(stamps: number[], stamp: number): void {
  let index = stamps.length;
  while (index > 0 && stamps[index - 1]! > stamp) index -= 1;
  stamps.splice(index, 0, stamp);
}
