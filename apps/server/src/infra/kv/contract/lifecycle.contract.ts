import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import type { KvContractContext } from './contract-context';

async function expectUnavailable(call: () => Promise<unknown>): Promise<void> {
  const error: unknown = await call().then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(AppError.isInstance(error) && error.code).toBe('service.unavailable');
}

/** ping and close: every call after close rejects with `service.unavailable`. */
export function describeLifecycleContract(context: KvContractContext): void {
  describe('lifecycle', () => {
    it('answers ping while open', async () => {
      const kv = await context.open();
      await expect(kv.ping()).resolves.toBeUndefined();
    });

    it('rejects every call with service.unavailable after close, and closes twice quietly', async () => {
      const kv = await context.open();
      const unsubscribe = await kv.pubsub.subscribe('c', () => undefined);
      await kv.close();
      await kv.close();
      await expectUnavailable(() => kv.ping());
      await expectUnavailable(() => kv.cache.get('k'));
      await expectUnavailable(() => kv.cache.set('k', 1, { ttlMs: 1_000 }));
      await expectUnavailable(() => kv.cache.delete('k'));
      await expectUnavailable(() => kv.cache.deleteByPrefix('k'));
      await expectUnavailable(() => kv.rateLimiter.hit('k', { limit: 1, windowMs: 1_000 }));
      await expectUnavailable(() => kv.rateLimiter.reserve('k', { intervalMs: 100 }));
      await expectUnavailable(() => kv.rateLimiter.block('k', Date.now() + 1_000));
      await expectUnavailable(() => kv.rateLimiter.blockedForMs('k'));
      await expectUnavailable(() => kv.rateLimiter.reset('k'));
      await expectUnavailable(() => kv.pubsub.publish('c', 1));
      await expectUnavailable(() => kv.pubsub.subscribe('c', () => undefined));
      // Undoing a subscription that close already ended is a no-op, not an error.
      await expect(unsubscribe()).resolves.toBeUndefined();
    });

    it('refuses options that would make a limiter meaningless', async () => {
      const { rateLimiter, cache } = await context.open();
      const codeOf = (call: () => Promise<unknown>) =>
        call().then(
          () => 'resolved',
          (error: unknown) => (AppError.isInstance(error) ? error.code : 'other'),
        );
      expect(await codeOf(() => rateLimiter.hit('k', { limit: 0, windowMs: 1_000 }))).toBe(
        'internal.unexpected',
      );
      expect(await codeOf(() => rateLimiter.hit('k', { limit: 1, windowMs: Number.NaN }))).toBe(
        'internal.unexpected',
      );
      expect(await codeOf(() => rateLimiter.reserve('k', { intervalMs: 0 }))).toBe('internal.unexpected');
      expect(await codeOf(() => cache.set('k', 1, { ttlMs: -1 }))).toBe('internal.unexpected');
    });
  });
}
