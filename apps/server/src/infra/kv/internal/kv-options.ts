import { AppError } from '@tableport/contracts';
import type { HitOptions, ReserveOptions } from '../kv.types';

/** Sliding-log options after validation: whole milliseconds, `lockoutMs` 0 when off. */
export interface NormalisedHitOptions {
  limit: number;
  windowMs: number;
  lockoutMs: number;
}

/** GCRA options after validation: whole milliseconds, `maxWaitMs` -1 when unbounded. */
export interface NormalisedReserveOptions {
  intervalMs: number;
  burst: number;
  maxWaitMs: number;
}

/** Validates the options of `hit` the same way for both adapters. */
export function normaliseHitOptions(options: HitOptions): NormalisedHitOptions {
  return {
    limit: positiveInteger('limit', options.limit),
    windowMs: wholeMs('windowMs', options.windowMs, 1),
    lockoutMs: options.lockoutMs === undefined ? 0 : wholeMs('lockoutMs', options.lockoutMs, 0),
  };
}

/** Validates the options of `reserve` the same way for both adapters. */
export function normaliseReserveOptions(options: ReserveOptions): NormalisedReserveOptions {
  return {
    intervalMs: wholeMs('intervalMs', options.intervalMs, 1),
    burst: options.burst === undefined ? 1 : positiveInteger('burst', options.burst),
    maxWaitMs: options.maxWaitMs === undefined ? -1 : wholeMs('maxWaitMs', options.maxWaitMs, 0),
  };
}

/** Validates a cache TTL; fractions round up so an entry never lives shorter than asked. */
export function normaliseTtlMs(ttlMs: number): number {
  return wholeMs('ttlMs', ttlMs, 1);
}

function positiveInteger(name: string, value: number): number {
  if (Number.isSafeInteger(value) && value >= 1) return value;
  throw invalidOption(name, value, 'a positive integer');
}

// Durations round up: a limiter that rounded down would let a request through early.
function wholeMs(name: string, value: number, minimum: number): number {
  const rounded = Math.ceil(value);
  if (Number.isFinite(value) && rounded >= minimum && Number.isSafeInteger(rounded)) return rounded;
  throw invalidOption(name, value, `a finite number of milliseconds >= ${minimum}`);
}

// Options come from our own code, so a bad one is a bug rather than bad user input.
function invalidOption(name: string, value: number, expected: string): AppError {
  return new AppError({
    code: 'internal.unexpected',
    message: `KV option ${name} must be ${expected}`,
    details: { option: name, value: String(value) },
  });
}
