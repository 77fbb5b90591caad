import { describe, expect, it } from 'vitest';
import { type KvContractContext, sleep } from './contract-context';

/** Sliding-log `hit`: exact limit, sliding, lockout, concurrency, isolation between keys. */
export function describeRateLimiterContract(context: KvContractContext): void {
  describe('rate limiter: sliding log', () => {
    it('allows exactly `limit` hits in the window, then refuses with a retry delay', async () => {
      const { rateLimiter } = await context.open();
      const options = { limit: 5, windowMs: 60_000 };
      const results = [];
      for (let index = 0; index < 6; index += 1) results.push(await rateLimiter.hit('base', options));
      expect(results.map((result) => result.allowed)).toEqual([true, true, true, true, true, false]);
      expect(results.map((result) => result.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
      expect(results[5]!.retryAfterMs).toBeGreaterThan(0);
      expect(results[5]!.retryAfterMs).toBeLessThanOrEqual(60_000);
    });

    it('slides: a hit frees its slot exactly one window after it was made', async () => {
      const { rateLimiter } = await context.open();
      const options = { limit: 2, windowMs: 400 };
      expect((await rateLimiter.hit('k', options)).allowed).toBe(true);
      await sleep(200);
      expect((await rateLimiter.hit('k', options)).allowed).toBe(true);
      const refused = await rateLimiter.hit('k', options);
      expect(refused.allowed).toBe(false);
      // The first hit leaves the window first, so the wait is shorter than a whole window.
      expect(refused.retryAfterMs).toBeLessThan(400);
      await sleep(refused.retryAfterMs + 20);
      expect((await rateLimiter.hit('k', options)).allowed).toBe(true);
      // The second hit is still inside the window, so the limit holds again.
      expect((await rateLimiter.hit('k', options)).allowed).toBe(false);
    });

    it('locks the key out for lockoutMs after the first refusal, then lets hits through', async () => {
      const { rateLimiter } = await context.open();
      const options = { limit: 1, windowMs: 100, lockoutMs: 500 };
      expect((await rateLimiter.hit('k', options)).allowed).toBe(true);
      const refused = await rateLimiter.hit('k', options);
      expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 500 });
      await sleep(150);
      // The window has passed, but the lockout has not.
      const during = await rateLimiter.hit('k', options);
      expect(during.allowed).toBe(false);
      expect(during.retryAfterMs).toBeLessThanOrEqual(500 - 150);
      expect(await rateLimiter.blockedForMs('k')).toBeGreaterThan(0);
      await sleep(during.retryAfterMs + 20);
      expect((await rateLimiter.hit('k', options)).allowed).toBe(true);
    });

    it('lets exactly `limit` of 100 concurrent hits through', async () => {
      const { rateLimiter } = await context.open();
      const results = await Promise.all(
        Array.from({ length: 100 }, () =>
          rateLimiter.hit('base', { limit: 5, windowMs: 60_000, lockoutMs: 30_000 }),
        ),
      );
      expect(results.filter((result) => result.allowed)).toHaveLength(5);
    });

    it('counts each key on its own', async () => {
      const { rateLimiter } = await context.open();
      const options = { limit: 1, windowMs: 60_000, lockoutMs: 60_000 };
      expect((await rateLimiter.hit('appA', options)).allowed).toBe(true);
      expect((await rateLimiter.hit('appA', options)).allowed).toBe(false);
      expect((await rateLimiter.hit('appB', options)).allowed).toBe(true);
      expect(await rateLimiter.blockedForMs('appB')).toBe(0);
    });

    it('reset forgets the counts and the lockout', async () => {
      const { rateLimiter } = await context.open();
      const options = { limit: 2, windowMs: 60_000, lockoutMs: 60_000 };
      for (let index = 0; index < 3; index += 1) await rateLimiter.hit('k', options);
      expect((await rateLimiter.hit('k', options)).allowed).toBe(false);
      await rateLimiter.reset('k');
      expect(await rateLimiter.blockedForMs('k')).toBe(0);
      expect((await rateLimiter.hit('k', options)).remaining).toBe(1);
    });

    if (context.sharesState) {
      it('shares one limit between two Kvs under concurrency', async () => {
        const [one, two] = await context.openPair();
        const options = { limit: 5, windowMs: 60_000, lockoutMs: 30_000 };
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, index) =>
            (index % 2 === 0 ? one : two).rateLimiter.hit('base', options),
          ),
        );
        expect(results.filter((result) => result.allowed)).toHaveLength(5);
        expect(await two.rateLimiter.blockedForMs('base')).toBeGreaterThan(0);
      });
    }
  });
}
