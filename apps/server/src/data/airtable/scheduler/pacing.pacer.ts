import type { AirtableRequest } from '@tableport/airtable';
import type { RateLimiter } from '../../../infra/kv';
import { sleep } from '../internal/sleep';
import { processAnswerWindow, type AnswerWindow } from './answer.window';

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
  /**
   * The window counted from answers (see AnswerWindow): Airtable's second plus 10 ms for timer
   * and clock granularity.
   */
  answerWindowMs: number;
}

/** Default pacing: one request per 210 ms per base, one per 21 ms per token, no burst. */
export const DEFAULT_PACING: PacingOptions = {
  baseIntervalMs: 210,
  tokenIntervalMs: 21,
  windowMs: 1_050,
  baseLimit: 5,
  tokenLimit: 50,
  answerWindowMs: 1_010,
};

/** The rate-limit keys of one request: its base (when it has one) and its token. */
export interface PacingKeys {
  base?: string;
  token: string;
}

/** Held from a slot until the answer: call it once the attempt is over (answered or failed). */
export type SlotRelease = () => void;

/** Books Airtable slots through the shared rate limiter, so every node together stays under the limits. */
export interface Pacer {
  /**
   * Waits for this request's turn: room in the base's answer window (this process), then the
   * base's slot and the token's slot (shared), then the send-time window (shared).
   */
  acquire(request: Pick<AirtableRequest, 'baseId' | 'signal'>): Promise<SlotRelease>;
  /** The keys a 429 on this request blocks. */
  keys(request: Pick<AirtableRequest, 'baseId'>): PacingKeys;
}

/** Builds a pacer for one token; `tokenKey` is derived from a hash of the token, never the token. */
export function createPacer(input: {
  limiter: RateLimiter;
  tokenKey: string;
  options: PacingOptions;
  /** Default: the process's (see processAnswerWindow). */
  answers?: AnswerWindow;
}): Pacer {
  const { limiter, options } = input;
  const answers = input.answers ?? processAnswerWindow(options.answerWindowMs);
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
  const slots = async (request: Pick<AirtableRequest, 'baseId' | 'signal'>) => {
    const { base, token } = keys(request);
    if (base) await wait(base, options.baseIntervalMs, request.signal);
    await wait(token, options.tokenIntervalMs, request.signal);
    if (base) await admit(base, options.baseLimit, request.signal);
    await admit(token, options.tokenLimit, request.signal);
  };
  return {
    keys,
    acquire: async (request) => {
      const { base, token } = keys(request);
      const { signal } = request;
      // The base first: requests queued behind a busy base must not hold the token's room.
      const releases = base ? [await answers.enter({ key: base, limit: options.baseLimit, signal })] : [];
      const release = () => releases.forEach((each) => each());
      try {
        releases.push(await answers.enter({ key: token, limit: options.tokenLimit, signal }));
        await slots(request);
      } catch (error) {
        release();
        throw error;
      }
      return release;
    },
  };
}
