import { describe, expect, it } from 'vitest';
import { type KvContractContext, sleep } from './contract-context';

/** Cache behaviour: JSON round trip, TTL, delete, prefix delete, isolation, namespacing. */
export function describeCacheContract(context: KvContractContext): void {
  describe('cache', () => {
    it('round-trips JSON values and misses unknown keys', async () => {
      const { cache } = await context.open();
      const values = [{ a: 1, nested: { list: [1, 'two', null] } }, [1, 2], 'text', 42, false, null];
      for (const [index, value] of values.entries()) await cache.set(`k${index}`, value, { ttlMs: 10_000 });
      for (const [index, value] of values.entries()) expect(await cache.get(`k${index}`)).toEqual(value);
      expect(await cache.get('missing')).toBeUndefined();
    });

    it('expires entries after their TTL', async () => {
      const { cache } = await context.open();
      await cache.set('short', 'v', { ttlMs: 200 });
      await cache.set('long', 'v', { ttlMs: 60_000 });
      expect(await cache.get('short')).toBe('v');
      await sleep(300);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.get('long')).toBe('v');
    });

    it('deletes one key, and treats setting undefined as a delete', async () => {
      const { cache } = await context.open();
      await cache.set('a', 1, { ttlMs: 10_000 });
      await cache.set('b', 2, { ttlMs: 10_000 });
      await cache.delete('a');
      await cache.set('b', undefined, { ttlMs: 10_000 });
      expect(await cache.get('a')).toBeUndefined();
      expect(await cache.get('b')).toBeUndefined();
    });

    it('deletes by prefix across many keys and counts what it removed', async () => {
      const { cache } = await context.open();
      const keys = Array.from({ length: 1_200 }, (_, index) => `base:app1:${index}`);
      await Promise.all(keys.map((key) => cache.set(key, { key }, { ttlMs: 60_000 })));
      await cache.set('base:app2:0', 'keep', { ttlMs: 60_000 });
      await cache.set('other', 'keep', { ttlMs: 60_000 });
      expect(await cache.deleteByPrefix('base:app1:')).toBe(1_200);
      expect(await cache.get('base:app1:7')).toBeUndefined();
      expect(await cache.get('base:app2:0')).toBe('keep');
      expect(await cache.deleteByPrefix('base:app1:')).toBe(0);
    });

    it('matches a prefix literally, even with glob characters in it', async () => {
      const { cache } = await context.open();
      for (const key of ['a*b', 'axb', 'a?', 'a[1]', 'a1', 'a\\z', 'az'])
        await cache.set(key, key, { ttlMs: 60_000 });
      expect(await cache.deleteByPrefix('a*')).toBe(1);
      expect(await cache.deleteByPrefix('a?')).toBe(1);
      expect(await cache.deleteByPrefix('a[')).toBe(1);
      expect(await cache.deleteByPrefix('a\\')).toBe(1);
      expect(await cache.get('axb')).toBe('axb');
      expect(await cache.get('a1')).toBe('a1');
      expect(await cache.get('az')).toBe('az');
    });

    it('isolates cached values from the caller’s objects', async () => {
      const { cache } = await context.open();
      const original = { fields: { Name: 'Ada' }, tags: ['a'] };
      await cache.set('record', original, { ttlMs: 10_000 });
      original.fields.Name = 'changed after set';
      const first = await cache.get<typeof original>('record');
      first!.tags.push('changed after get');
      expect(await cache.get('record')).toEqual({ fields: { Name: 'Ada' }, tags: ['a'] });
    });

    it('keeps each Kv namespace to itself', async () => {
      const [one, two] = [await context.open(), await context.open()];
      await one.cache.set('shared-name', 'one', { ttlMs: 10_000 });
      await two.cache.set('shared-name', 'two', { ttlMs: 10_000 });
      expect(await two.cache.deleteByPrefix('')).toBe(1);
      expect(await one.cache.get('shared-name')).toBe('one');
    });

    if (context.sharesState) {
      it('shares entries between two Kvs on one namespace', async () => {
        const [writer, reader] = await context.openPair();
        await writer.cache.set('k', { v: 1 }, { ttlMs: 10_000 });
        expect(await reader.cache.get('k')).toEqual({ v: 1 });
        await reader.cache.deleteByPrefix('k');
        expect(await writer.cache.get('k')).toBeUndefined();
      });
    }
  });
}
