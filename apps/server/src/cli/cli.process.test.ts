import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, usesPostgres } from '../../test/harness';
import { openPgliteDatabase } from '../infra/db';

const BIN = fileURLToPath(new URL('../../bin/tableport.mjs', import.meta.url));
const WRITER = fileURLToPath(new URL('../../test/fixtures/ack-writer.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Spawned {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function run(command: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, command, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const startedUrl = (output: string) =>
  /"msg":"tableport started"/.test(output) ? /"url":"([^"]+)"/.exec(output)?.[1] : undefined;

describe('tableport CLI process', () => {
  it('starts on embedded defaults, refuses a second process on the data dir, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-cli-'));
    const env = { TABLEPORT_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
    const server = run([BIN, 'start'], env);
    const url = await waitFor(() => startedUrl(server.output()), 'the server to start');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(existsSync(path.join(dataDir, 'tableport.lock'))).toBe(true);

    const second = run([BIN, 'migrate', 'status'], env);
    expect(await second.exit).toBe(1);
    expect(second.output()).toContain('db.locked');
    expect(second.output()).toContain(url);

    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    expect(existsSync(path.join(dataDir, 'tableport.lock'))).toBe(false);

    const status = run([BIN, 'migrate', 'status'], env);
    expect(await status.exit).toBe(0);
    expect(status.output()).toMatch(/0000_foundation\s+applied/);
  });

  it('stops at invalid configuration, naming the variable', async () => {
    const failed = run([BIN, 'start'], {
      PORT: 'eighty',
      TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-cli-')),
    });
    expect(await failed.exit).toBe(1);
    expect(failed.output()).toContain('PORT:');
    expect(failed.output()).toContain('config.invalid');
    const role = run([BIN, 'start', '--role', 'worker'], {
      TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-cli-')),
    });
    expect(await role.exit).toBe(1);
    expect(role.output()).toContain('needs DATABASE_URL');
  });
});

describe('durability', () => {
  it('every write acknowledged before kill -9 is there afterwards', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-kill-'));
    const env: Record<string, string> = { TABLEPORT_DATA_DIR: dataDir };
    let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    if (usesPostgres()) {
      database = await createTestDatabase();
      Object.assign(env, { DATABASE_URL: database.url!, TABLEPORT_SECRET_KEY: 'cd'.repeat(32) });
    }
    const writer = run(['--import', 'tsx', WRITER], env);
    const acked = await waitFor(() => {
      const count = (writer.output().match(/^ack \d+$/gm) ?? []).length;
      return count >= 40 ? count : undefined;
    }, 'acknowledged writes');
    writer.child.kill('SIGKILL');
    await writer.exit;
    const lastAck = Math.max(
      ...(writer.output().match(/^ack (\d+)$/gm) ?? []).map((line) => Number(line.slice(4))),
    );
    expect(lastAck).toBeGreaterThanOrEqual(acked);

    const reopened = database ?? (await openPgliteDatabase({ dataDir: path.join(dataDir, 'pg') }));
    try {
      const { rows } = await reopened.query<{ n: number }>('SELECT n FROM ack_probe ORDER BY n');
      const present = new Set(rows.map((row) => row.n));
      for (let n = 1; n <= lastAck; n++) expect(present.has(n), `row ${n} was acknowledged`).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});
