import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testRedisPrefix, usesPostgres } from '../../test/harness';
import { loadConfig } from '../config';
import { defineJob } from '../infra/jobs';
import { createLogger } from '../infra/log/logger';
import type { AppModule } from './module';
import { startTableport, type Tableport } from './tableport';

const ADMIN = 'k'.repeat(40);
const running: Tableport[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

function testConfig(extra: Record<string, string> = {}) {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TABLEPORT_ADMIN_TOKEN: ADMIN,
    TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-app-')),
    TABLEPORT_SHUTDOWN_TIMEOUT_MS: '10000',
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: testRedisPrefix() }
      : {}),
    ...(usesPostgres() ? { TABLEPORT_SECRET_KEY: 'ab'.repeat(32) } : {}),
    ...extra,
  });
}

/** A probe module: a slow route, a slow job queue, and a record of finished jobs. */
function probe(finished: string[], gate: { release?: () => void }): AppModule {
  return {
    name: 'probe',
    jobs: () => [
      defineJob({
        name: 'probe-slow',
        pollingIntervalSeconds: 0.5,
        handler: async (data: { id: string; ms: number }) => {
          await new Promise((resolve) => setTimeout(resolve, data.ms));
          finished.push(data.id);
        },
      }),
    ],
    routes: ({ root }) => {
      root.get('/probe/slow', async (c) => {
        await new Promise<void>((resolve) => (gate.release = resolve));
        return c.json({ done: true });
      });
    },
  };
}

async function start(
  options: { role?: 'all' | 'api' | 'worker'; finished?: string[]; gate?: { release?: () => void } } = {},
) {
  const db = await createTestDatabase();
  const config = testConfig(db.url ? { DATABASE_URL: db.url } : {});
  const app = await startTableport({
    config,
    role: options.role ?? 'all',
    logger: createLogger({ level: process.env.TEST_LOG ?? 'silent' }),
    database: { db, lock: undefined },
    extraModules: () => [probe(options.finished ?? [], options.gate ?? {})],
  });
  return { app, db, config };
}

describe('tableport process', () => {
  it('serves /readyz and an authenticated route', async () => {
    const { app } = await start();
    running.push(app);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: Record<string, { status: string }> };
    expect(body.checks.database!.status).toBe('up');
    expect(body.checks.queue!.status).toBe('up');
    if (process.env.REDIS_URL) expect(body.checks.redis!.status).toBe('up');
    // Over a real socket the headers take the Node fast path (set on the ServerResponse).
    const headers = ready.headers;
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42');
    const v0 = await fetch(`${app.url}/v0/nothing/here/at/all/x`);
    expect(v0.headers.get('access-control-allow-origin')).toBe('*');
    const system = await fetch(`${app.url}/api/v1/system`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(await system.json()).toMatchObject({
      role: 'all',
      database: usesPostgres() ? 'postgres' : 'pglite',
    });
  });

  it('a graceful stop finishes the in-flight request and the running job, then closes the database', async () => {
    const finished: string[] = [];
    const gate: { release?: () => void } = {};
    const { app, db } = await start({ finished, gate });
    await app.context.jobs.send('probe-slow', { id: 'job-1', ms: 1500 });
    while ((await app.context.jobs.counts()).every((row) => row.state !== 'active')) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const inFlight = fetch(`${app.url}/probe/slow`);
    while (!gate.release) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopping = app.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`${app.url}/readyz`)).rejects.toThrow();
    gate.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await stopping;
    expect(finished).toEqual(['job-1']);
    await expect(db.query('select 1')).rejects.toThrow();
  });
});

if (usesPostgres()) {
  describe('roles on PostgreSQL', () => {
    it('an api node enqueues and a worker node runs the job', async () => {
      const db = await createTestDatabase();
      const config = testConfig({ DATABASE_URL: db.url! });
      await db.close();
      const finished: string[] = [];
      const logger = createLogger({ level: 'silent' });
      const modules = () => [probe(finished, {})];
      const api = await startTableport({ config, role: 'api', logger, extraModules: modules });
      running.push(api);
      const worker = await startTableport({
        config: { ...config, server: { ...config.server, port: 0 } },
        role: 'worker',
        logger,
        extraModules: modules,
      });
      running.push(worker);
      await api.context.jobs.send('probe-slow', { id: 'from-api', ms: 10 });
      const deadline = Date.now() + 20_000;
      while (finished.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(finished).toEqual(['from-api']);
      // A worker serves probes and metrics, not the API.
      expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${worker.url}/api/v1/system`)).status).toBe(404);
      expect(
        (await fetch(`${api.url}/api/v1/system`, { headers: { authorization: `Bearer ${ADMIN}` } })).status,
      ).toBe(200);
    });
  });
}
