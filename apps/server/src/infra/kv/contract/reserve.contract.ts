import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../kv.types';
import { type KvContractContext, sleep } from './contract-context';

// Reservations made together are a few milliseconds apart at most, so each later wait is short
// of the exact spacing by that much. The assertions allow for it without measuring time.
const SLACK_MS = 100;

async function reserveMany(
  rateLimiter: RateLimiter,
  count: number,
  options: { intervalMs: number; burst?: number },
) {
  const results = await Promise.all(
    Array.from({ length: count }, () => rateLimiter.reserve('base', options)),
  );
  expect(results.every((result) => result.granted)).toBe(true);
  return results.map((result) => result.waitMs).sort((a, b) => a - b);
}

function expectSpacing(waits: number[], intervalMs: number): void {
  for (let index = 1; index < waits.length; index += 1) {
    const gap = waits[index]! - waits[index - 1]!;
    expect(gap).toBeGreaterThan(intervalMs - SLACK_MS);
    expect(gap).toBeLessThanOrEqual(intervalMs);
  }
}

/** GCRA `reserve` plus `block`, `blockedForMs` and `reset`. */
export function describeReserveContract(context: KvContractContext): void {
  describe('rate limiter: reservations and blocks', () => {
    it('spaces reservations intervalMs apart with no burst by default', async () => {
      const { rateLimiter } = await context.open();
      const waits = await reserveMany(rateLimiter, 5, { intervalMs: 210 });
      expect(waits[0]).toBe(0);
      expectSpacing(waits, 210);
    });

    it('grants `burst` slots at once, then spaces the rest', async () => {
      const { rateLimiter } = await context.open();
      const waits = await reserveMany(rateLimiter, 6, { intervalMs: 200, burst: 3 });
      expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
      expect(waits[3]).toBeGreaterThan(200 - SLACK_MS);
      expectSpacing(waits.slice(3), 200);
    });

    it('refuses a slot beyond maxWaitMs and reserves nothing for it', async () => {
      const { rateLimiter } = await context.open();
      const waits = await reserveMany(rateLimiter, 2, { intervalMs: 300 });
      const refused = await rateLimiter.reserve('base', { intervalMs: 300, maxWaitMs: 200 });
      expect(refused.granted).toBe(false);
      expect(refused.waitMs).toBeGreaterThan(600 - SLACK_MS);
      const next = await rateLimiter.reserve('base', { intervalMs: 300 });
      // The refused request took no slot: the next one gets the slot it would have had.
      expect(next.waitMs).toBeLessThanOrEqual(600);
      expect(next.waitMs - waits[1]!).toBeLessThanOrEqual(300);
    });

    it('frees the schedule once its slots have passed', async () => {
      const { rateLimiter } = await context.open();
      await reserveMany(rateLimiter, 2, { intervalMs: 50 });
      await sleep(150);
      expect((await rateLimiter.reserve('base', { intervalMs: 50 })).waitMs).toBe(0);
    });

    it('blocks a key until a time: hits are refused and reservations wait past it', async () => {
      const { rateLimiter } = await context.open();
      await rateLimiter.block('base', Date.now() + 600);
      const blockedFor = await rateLimiter.blockedForMs('base');
      expect(blockedFor).toBeGreaterThan(600 - SLACK_MS);
      expect(blockedFor).toBeLessThanOrEqual(600);
      const hit = await rateLimiter.hit('base', { limit: 5, windowMs: 1_000 });
      expect(hit.allowed).toBe(false);
      expect(hit.retryAfterMs).toBeGreaterThan(0);
      const first = await rateLimiter.reserve('base', { intervalMs: 200, burst: 5 });
      const second = await rateLimiter.reserve('base', { intervalMs: 200, burst: 5 });
      expect(first.waitMs).toBeGreaterThan(600 - SLACK_MS * 2);
      // No burst right after a block: the next slot is a whole interval later.
      expect(second.waitMs - first.waitMs).toBeGreaterThan(200 - SLACK_MS);
      expect(await rateLimiter.blockedForMs('other')).toBe(0);
    });

    it('lets a block lapse, never shortens one, and ignores times in the past', async () => {
      const { rateLimiter } = await context.open();
      await rateLimiter.block('a', Date.now() - 1_000);
      expect(await rateLimiter.blockedForMs('a')).toBe(0);
      await rateLimiter.block('b', Date.now() + 60_000);
      await rateLimiter.block('b', Date.now() + 100);
      expect(await rateLimiter.blockedForMs('b')).toBeGreaterThan(50_000);
      await rateLimiter.block('c', Date.now() + 60);
      await sleep(120);
      expect(await rateLimiter.blockedForMs('c')).toBe(0);
      expect((await rateLimiter.hit('c', { limit: 1, windowMs: 1_000 })).allowed).toBe(true);
    });

    it('reset clears a block and the schedule', async () => {
      const { rateLimiter } = await context.open();
      await reserveMany(rateLimiter, 3, { intervalMs: 10_000 });
      await rateLimiter.block('base', Date.now() + 60_000);
      await rateLimiter.reset('base');
      expect(await rateLimiter.blockedForMs('base')).toBe(0);
      expect(await rateLimiter.reserve('base', { intervalMs: 10_000 })).toEqual({ granted: true, waitMs: 0 });
    });

    if (context.sharesState) {
      it('shares one schedule and one block between two Kvs', async () => {
        const [one, two] = await context.openPair();
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, index) =>
            (index % 2 === 0 ? one : two).rateLimiter.reserve('base', { intervalMs: 210 }),
          ),
        );
        expectSpacing(
          results.map((result) => result.waitMs).sort((a, b) => a - b),
          210,
        );
        await one.rateLimiter.block('other', Date.now() + 60_000);
        expect(await two.rateLimiter.blockedForMs('other')).toBeGreaterThan(50_000);
      });
    }
  });
}
