import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../contract/contract-context';
import { createMemoryKv } from './kv.memory';

function setup(cacheMaxEntries?: number) {
  const clock = { time: 5_000, now: () => clock.time };
  return { clock, cache: createMemoryKv({ logger: recordingLogger(), clock, cacheMaxEntries }).cache };
}

describe('memory cache on a fake clock', () => {
  it('keeps an entry for its whole TTL and drops it after', async () => {
    const { clock, cache } = setup();
    await cache.set('k', 'v', { ttlMs: 1_000 });
    clock.time += 999;
    expect(await cache.get('k')).toBe('v');
    clock.time += 2;
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.deleteByPrefix('')).toBe(0);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const { cache } = setup(3);
    for (const key of ['a', 'b', 'c']) await cache.set(key, key, { ttlMs: 60_000 });
    await cache.get('a');
    await cache.set('d', 'd', { ttlMs: 60_000 });
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('a');
    expect(await cache.get('d')).toBe('d');
  });

  it('stores structured clones, and refuses values that cannot be cloned', async () => {
    const { cache } = setup();
    const when = new Date(0);
    await cache.set('k', { when }, { ttlMs: 60_000 });
    when.setFullYear(2000);
    expect(await cache.get('k')).toEqual({ when: new Date(0) });
    await expect(cache.set('f', { run: () => 1 }, { ttlMs: 60_000 })).rejects.toMatchObject({
      code: 'internal.unexpected',
    });
  });
});
