import type { AirtableRequest } from '@tableport/airtable';
import type { RateLimiter } from '../../../infra/kv';
import { sleep } from '../internal/sleep';
import { WarmupGate } from './pacing.warmup';

/** Spacing of requests; DESIGN.md "Airtable's rate limit" explains the numbers. */
export interface PacingOptions {
  /** Gap between two requests to one base (Airtable: 5/s; 210 ms leaves room for jitter). */
  baseIntervalMs: number;
  /** Gap between two requests of one token (Airtable: 50/s). */
  tokenIntervalMs: number;
  /**
   * The sliding window checked at send time: at most `baseLimit` (`tokenLimit`) requests in any
   * `windowMs`. Slots are booked ahead; a late timer (GC pause, busy loop) can push one send
   * towards the next, and this check on actual send times keeps Airtable's window even then.
   */
  windowMs: number;
  /** Airtable's requests per second per base (5) and per token (50). */
  baseLimit: number;
  tokenLimit: number;
}

/** Default pacing: one request per 210 ms per base, one per 21 ms per token, no burst. */
export const DEFAULT_PACING: PacingOptions = {
  baseIntervalMs: 210,
  tokenIntervalMs: 21,
  windowMs: 1_050,
  baseLimit: 5,
  tokenLimit: 50,
};

/** The rate-limit keys of one request: its base (when it has one) and its token. */
export interface PacingKeys {
  base?: string;
  token: string;
}

/** Books Airtable slots through the shared rate limiter, so every node together stays under the limits. */
export interface Pacer {
  /** Waits for this request's slot: the base's first, then the token's. */
  acquire(request: Pick<AirtableRequest, 'baseId' | 'signal'>): Promise<void>;
  /** The keys a 429 on this request blocks. */
  keys(request: Pick<AirtableRequest, 'baseId'>): PacingKeys;
  /** Reports that an exchange with Airtable finished (opens the warm-up gate). */
  exchanged(): Promise<void>;
}

/** Builds a pacer for one token; `tokenKey` is derived from a hash of the token, never the token. */
export function createPacer(input: { limiter: RateLimiter; tokenKey: string; options: PacingOptions }): Pacer {
  const { limiter, options } = input;
  const keys = (request: Pick<AirtableRequest, 'baseId'>): PacingKeys =>
    request.baseId === undefined
      ? { token: input.tokenKey }
      : { base: `at:base:${request.baseId}`, token: input.tokenKey };
  // Capacity 1, no burst: a bucket of 5 with refill can put 9 or 10 into one second.
  const wait = async (key: string, intervalMs: number, signal: AbortSignal | undefined) => {
    for (;;) {
      const { waitMs } = await limiter.reserve(key, { intervalMs });
      if (waitMs <= 0) return;
      await sleep(waitMs, signal);
      // A 429 seen elsewhere while we slept blocks the key: book again after the block.
      if ((await limiter.blockedForMs(key)) <= 0) return;
    }
  };
  const admit = async (key: string, limit: number, signal: AbortSignal | undefined) => {
    for (;;) {
      const hit = await limiter.hit(`${key}:sent`, { limit, windowMs: options.windowMs });
      if (hit.allowed) return;
      await sleep(hit.retryAfterMs, signal);
    }
  };
  const warmup = new WarmupGate();
  let coldKeys: PacingKeys | undefined;
  // Books the cold request's slot again, now that it has surely arrived.
  const rebook = async () => {
    if (!coldKeys) return;
    const { base, token } = coldKeys;
    if (base) await limiter.reserve(base, { intervalMs: options.baseIntervalMs });
    await limiter.reserve(token, { intervalMs: options.tokenIntervalMs });
    if (base) await limiter.hit(`${base}:sent`, { limit: options.baseLimit, windowMs: options.windowMs });
  };
  return {
    keys,
    exchanged: () => warmup.exchanged(rebook),
    acquire: async (request) => {
      if (await warmup.pass(request.signal)) coldKeys = keys(request);
      const { base, token } = keys(request);
      if (base) await wait(base, options.baseIntervalMs, request.signal);
      await wait(token, options.tokenIntervalMs, request.signal);
      if (base) await admit(base, options.baseLimit, request.signal);
      await admit(token, options.tokenLimit, request.signal);
    },
  };
}
