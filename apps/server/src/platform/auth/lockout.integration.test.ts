import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryKv } from '../../infra/kv/memory/kv.memory';
import { createLogger } from '../../infra/log/logger';
import { createSignInGuard, DEFAULT_LOCKOUT } from '../limits/sign-in-guard';
import { ADMIN_TOKEN, PASSWORD, startPlatformServer, type PlatformServer } from '../test/platform.harness';

const running: PlatformServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

const signIn = (server: PlatformServer, password: string) =>
  server.call({
    method: 'POST',
    path: '/api/auth/sign-in/email',
    as: null,
    body: { email: 'ada@example.com', password },
  });

describe('sign-in lockout', () => {
  it('locks the account after 5 failures, refuses even the right password while locked, and audits the failures', async () => {
    const server = await startPlatformServer();
    running.push(server);
    await server.session('ada@example.com');
    for (let attempt = 1; attempt <= 5; attempt++)
      expect((await signIn(server, 'wrong password!')).status).toBe(401);
    const locked = await signIn(server, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('auth.locked_out');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
    const audit = await server.call({
      method: 'GET',
      path: '/api/v1/audit?action=auth.sign_in_failed',
      as: { bearer: ADMIN_TOKEN },
    });
    expect(audit.body.entries).toHaveLength(5);
    expect(audit.body.entries[0]).toMatchObject({
      outcome: 'failure',
      details: { email: 'ada@example.com', lockedForMs: 30_000 },
    });
    expect(audit.text).not.toContain('wrong password!');
  });

  it('doubles the lock with each lockout, up to 15 minutes, and a success resets it', async () => {
    let now = 1_000_000;
    const clock = { now: () => now };
    const kv = createMemoryKv({ logger: createLogger({ level: 'silent' }), clock });
    const guard = createSignInGuard({ kv, now: clock.now });
    const fail = async (times: number) => {
      let lockMs = 0;
      for (let index = 0; index < times; index++) lockMs = await guard.recordFailure('Ada@Example.com');
      return lockMs;
    };
    expect(await fail(4)).toBe(0);
    await guard.assertOpen('ada@example.com');
    expect(await fail(1)).toBe(30_000);
    await expect(guard.assertOpen('ada@example.com')).rejects.toMatchObject({
      code: 'auth.locked_out',
      details: { retryAfterSeconds: 30 },
    });
    now += 30_001;
    await guard.assertOpen('ada@example.com');
    expect(await fail(5)).toBe(60_000);
    now += 60_001;
    expect(await fail(5)).toBe(120_000);
    for (let round = 0; round < 6; round++) {
      now += DEFAULT_LOCKOUT.maxLockMs + 1;
      await fail(5);
    }
    now += DEFAULT_LOCKOUT.maxLockMs + 1;
    expect(await fail(5)).toBe(DEFAULT_LOCKOUT.maxLockMs);
    now += DEFAULT_LOCKOUT.maxLockMs + 1;
    await guard.recordSuccess('ada@example.com');
    expect(await fail(5)).toBe(30_000);
    await kv.close();
  });

  it('limits attempts per address', async () => {
    const kv = createMemoryKv({ logger: createLogger({ level: 'silent' }) });
    const guard = createSignInGuard({ kv, policy: { ...DEFAULT_LOCKOUT, perAddressPerMinute: 3 } });
    for (let index = 0; index < 3; index++) await guard.countAddress('10.0.0.1');
    await expect(guard.countAddress('10.0.0.1')).rejects.toMatchObject({ code: 'rate_limit.exceeded' });
    await guard.countAddress('10.0.0.2');
    await kv.close();
  });
});
