import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../contract/contract-context';
import { createMemoryKv } from './kv.memory';

// A hand-moved clock: these tests pin the exact boundaries that real-time tests can only bracket.
function setup() {
  const clock = { time: 1_000_000, now: () => clock.time };
  const kv = createMemoryKv({ logger: recordingLogger(), clock, sweepIntervalMs: 3_600_000 });
  return { clock, kv, limiter: kv.rateLimiter };
}

const AIRTABLE = { limit: 5, windowMs: 1_000, lockoutMs: 30_000 };

describe('memory rate limiter on a fake clock', () => {
  it('enforces Airtable’s 5 per sliding second, then exactly 30 s of refusals', async () => {
    const { clock, limiter } = setup();
    for (let index = 0; index < 5; index += 1) {
      expect((await limiter.hit('app1', AIRTABLE)).allowed).toBe(true);
      clock.time += 100;
    }
    clock.time += 499; // 999 ms after the first hit: still inside its window.
    expect(await limiter.hit('app1', AIRTABLE)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterMs: 30_000,
    });
    clock.time += 29_999;
    expect(await limiter.hit('app1', AIRTABLE)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
    clock.time += 1;
    expect((await limiter.hit('app1', AIRTABLE)).allowed).toBe(true);
  });

  it('never admits a sixth hit into any 1,000 ms window, wherever the hits fall', async () => {
    const { clock, limiter } = setup();
    const admitted: number[] = [];
    for (let step = 0; step < 400; step += 1) {
      clock.time += (step * 37) % 11; // irregular gaps of 0–10 ms, several hits per millisecond
      if ((await limiter.hit('k', { limit: 5, windowMs: 1_000 })).allowed) admitted.push(clock.time);
    }
    for (let index = 5; index < admitted.length; index += 1) {
      expect(admitted[index]! - admitted[index - 5]!).toBeGreaterThanOrEqual(1_000);
    }
    expect(admitted.length).toBeGreaterThan(5);
  });

  it('frees a slot exactly when the oldest hit leaves the window', async () => {
    const { clock, limiter } = setup();
    const options = { limit: 2, windowMs: 1_000 };
    await limiter.hit('k', options);
    clock.time += 300;
    await limiter.hit('k', options);
    clock.time += 200;
    expect(await limiter.hit('k', options)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 500 });
    clock.time += 499;
    expect((await limiter.hit('k', options)).allowed).toBe(false);
    clock.time += 1;
    expect(await limiter.hit('k', options)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('spaces reservations exactly intervalMs apart and honours burst', async () => {
    const { clock, limiter } = setup();
    const waits = async (key: string, count: number, options: { intervalMs: number; burst?: number }) => {
      const result: number[] = [];
      for (let index = 0; index < count; index += 1)
        result.push((await limiter.reserve(key, options)).waitMs);
      return result;
    };
    expect(await waits('base', 4, { intervalMs: 210 })).toEqual([0, 210, 420, 630]);
    clock.time += 500;
    expect(await waits('base', 1, { intervalMs: 210 })).toEqual([340]);
    expect(await waits('token', 6, { intervalMs: 20, burst: 3 })).toEqual([0, 0, 0, 20, 40, 60]);
    expect(await limiter.reserve('base', { intervalMs: 210, maxWaitMs: 549 })).toEqual({
      granted: false,
      waitMs: 550,
    });
    expect(await limiter.reserve('base', { intervalMs: 210, maxWaitMs: 550 })).toEqual({
      granted: true,
      waitMs: 550,
    });
  });

  it('delays reservations to the end of a block, with no burst after it', async () => {
    const { clock, limiter } = setup();
    await limiter.block('base', clock.time + 1_500);
    expect(await limiter.blockedForMs('base')).toBe(1_500);
    expect((await limiter.reserve('base', { intervalMs: 20, burst: 5 })).waitMs).toBe(1_500);
    expect((await limiter.reserve('base', { intervalMs: 20, burst: 5 })).waitMs).toBe(1_520);
    clock.time += 1_500;
    expect(await limiter.blockedForMs('base')).toBe(0);
  });

  it('sweeps expired keys so memory stays bounded', async () => {
    const { clock, kv, limiter } = setup();
    for (let index = 0; index < 10_000; index += 1) {
      await limiter.hit(`user-${index}`, { limit: 1, windowMs: 1_000, lockoutMs: 5_000 });
      await limiter.reserve(`base-${index}`, { intervalMs: 200 });
    }
    await limiter.hit('user-0', { limit: 1, windowMs: 1_000, lockoutMs: 5_000 });
    await limiter.block('base-0', clock.time + 10_000);
    expect(limiter.trackedEntries).toBe(20_002);
    clock.time += 1_000;
    limiter.sweep();
    expect(limiter.trackedEntries).toBe(2);
    clock.time += 10_000;
    limiter.sweep();
    expect(limiter.trackedEntries).toBe(0);
    await kv.close();
  });
});
