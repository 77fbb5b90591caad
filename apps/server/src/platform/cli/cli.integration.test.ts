import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, usesPostgres } from '../../../test/harness';
import { keyCreate, keyList, keyRevoke } from '../../cli/key.command';
import { secretsRotate } from '../../cli/secrets.command';
import { userCreate } from '../../cli/user.command';
import { loadConfig } from '../../config';
import { createLogger } from '../../infra/log/logger';
import { ADMIN_TOKEN, startPlatformServer, type PlatformServer } from '../test/platform.harness';
import { openPlatformClient } from './open-client';
import type { CliOutput } from './run-command';

const logger = createLogger({ level: 'silent' });
const running: PlatformServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

function capture(): CliOutput & { results: string[]; notes: string[] } {
  const results: string[] = [];
  const notes: string[] = [];
  return { results, notes, result: (line) => void results.push(line), info: (line) => void notes.push(line) };
}

/** Config of a CLI run: embedded data dir, or the test PostgreSQL database. */
async function cliConfig(extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-cli-'));
  const database = usesPostgres() ? await createTestDatabase() : undefined;
  if (database) await database.close();
  const env = {
    LOG_LEVEL: 'silent',
    TABLEPORT_DATA_DIR: dataDir,
    ...(database?.url ? { DATABASE_URL: database.url, TABLEPORT_SECRET_KEY: 'cd'.repeat(32) } : {}),
    ...extra,
  };
  return { dataDir, env, config: loadConfig(env) };
}

/** Runs one CLI step with its own client, as separate invocations of the command would. */
async function step<T>(
  config: ReturnType<typeof loadConfig>,
  run: (client: Awaited<ReturnType<typeof openPlatformClient>>) => Promise<T>,
) {
  const client = await openPlatformClient({ config, logger });
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

describe('tableport user / key / secrets', () => {
  it('without a server: opens the database itself, the first user owns the instance, the token is printed once', async () => {
    const { config } = await cliConfig();
    const out = capture();
    await step(config, async (client) => {
      expect(client.mode).toBe('database');
      await userCreate(client, { email: 'Ops@Example.com', name: 'Ops' }, out);
    });
    expect(out.notes[0]).toMatch(/^created user usr\w{14} <ops@example\.com> \(in the database\)$/);
    expect(out.results[0]).toMatch(/^password \(shown once\): \S{20}$/);
    await step(config, (client) =>
      keyCreate(
        client,
        { name: 'ci', scopes: 'data.records:read,schema.bases:read', base: 'appAAAAAAAAAAAAAA' },
        out,
      ),
    );
    const token = out.results[1]!;
    // No --user: the key is the instance owner's, which the first user became.
    const userId = /usr\w{14}/.exec(out.notes[0]!)![0];
    expect(out.notes[1]).toContain(
      `for ${userId}: data.records:read, schema.bases:read on appAAAAAAAAAAAAAA`,
    );
    expect(token).toMatch(/^tpk_[A-Za-z0-9]{43}$/);
    await step(config, (client) => keyList(client, out));
    expect(out.results[2]).toContain(`${token.slice(0, 8)}…  ci`);
    expect(out.results.slice(2).join('\n')).not.toContain(token);
    const keyId = out.results[2]!.split(' ')[0]!;
    await step(config, (client) => keyRevoke(client, keyId, out));
    await step(config, (client) => secretsRotate(client, out));
    expect(out.results.slice(3)).toEqual([
      `revoked ${keyId}`,
      expect.stringMatching(/^data key v\d+: 0 secret\(s\) re-encrypted$/),
    ]);
    await expect(
      step(config, (client) => keyCreate(client, { name: 'x', scopes: 'nope:read' }, out)),
    ).rejects.toMatchObject({ code: 'key.invalid_scope' });
  });

  it('with TABLEPORT_URL and TABLEPORT_ADMIN_TOKEN: goes through the running server', async () => {
    const server = await startPlatformServer();
    running.push(server);
    await server.session('ada@example.com');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      TABLEPORT_URL: server.url,
      TABLEPORT_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    const out = capture();
    await step(config, async (client) => {
      expect(client.mode).toBe('server');
      await userCreate(client, { email: 'bob@example.com', password: 'a long enough password' }, out);
      await keyCreate(
        client,
        { name: 'script', scopes: 'workspacesAndBases:read', user: 'bob@example.com' },
        out,
      );
    });
    expect(out.notes[0]).toContain('(through the server)');
    const token = out.results[0]!;
    const me = await server.call({ method: 'GET', path: '/api/v1/me', as: { bearer: token } });
    expect(me.body).toMatchObject({
      user: { email: 'bob@example.com' },
      principal: { kind: 'api_key', scopes: ['workspacesAndBases:read'] },
    });
    const keyId = me.body.principal.id as string;
    await step(config, (client) => keyRevoke(client, keyId, out));
    expect((await server.call({ method: 'GET', path: '/api/v1/me', as: { bearer: token } })).status).toBe(
      401,
    );
    await expect(
      step(config, (client) => userCreate(client, { email: 'bob@example.com' }, out)),
    ).rejects.toMatchObject({ code: 'user.exists' });
  });
});

if (!usesPostgres()) {
  describe('embedded database held by a running server', () => {
    it('refuses to open it and says to use TABLEPORT_URL', async () => {
      const { config, dataDir } = await cliConfig();
      // A live process (the test runner's parent) holds the data dir, as a server would.
      writeFileSync(
        path.join(dataDir, 'tableport.lock'),
        JSON.stringify({
          pid: process.ppid,
          url: 'http://127.0.0.1:8080',
          startedAt: new Date().toISOString(),
        }),
      );
      const opening = openPlatformClient({ config, logger });
      await expect(opening).rejects.toMatchObject({ code: 'db.locked' });
      await expect(opening).rejects.toThrow(/TABLEPORT_URL and TABLEPORT_ADMIN_TOKEN/);
    });
  });
}
