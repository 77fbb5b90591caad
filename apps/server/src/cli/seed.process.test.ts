import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, usesPostgres } from '../../test/harness';
import { parseCsv } from '../data/csv';
import { ADMIN_TOKEN as SOURCE_TOKEN, startV0Server } from '../data/test/v0.harness';
import { killSpawned, runTableport, startedUrl, waitFor } from './seed.spawn';

// tableport seed demo, import csv|airtable and export csv: through the running server (found by
// its lock file on the embedded store, TABLEPORT_URL on PostgreSQL), then on the data itself.
const ADMIN_TOKEN = 'cli-data-admin-token-'.padEnd(40, 'q');
afterEach(killSpawned);

async function environment(): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-data-cli-')),
    TABLEPORT_ADMIN_TOKEN: ADMIN_TOKEN,
    TABLEPORT_OUTBOUND_ALLOW: '127.0.0.1',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  if (usesPostgres())
    Object.assign(env, {
      DATABASE_URL: (await createTestDatabase()).url!,
      TABLEPORT_SECRET_KEY: 'ef'.repeat(32),
    });
  return env;
}

async function succeeded(args: string[], env: Record<string, string>): Promise<string> {
  const command = runTableport(args, env);
  const code = await command.exit;
  expect(code, command.output()).toBe(0);
  return command.stdout();
}

describe('tableport seed, import and export', () => {
  it('work through the running server and on the data itself', async () => {
    const env = await environment();
    const server = runTableport(['start'], env);
    const url = await waitFor(() => startedUrl(server.output()), 'the server to start');
    const bases = async (): Promise<{ id: string; name: string }[]> => {
      const response = await fetch(`${url}/v0/meta/bases`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      return ((await response.json()) as { bases: { id: string; name: string }[] }).bases;
    };
    // The first start of an empty embedded database creates the demo base; PostgreSQL does not.
    expect((await bases()).map((base) => base.name)).toEqual(usesPostgres() ? [] : ['Demo CRM']);

    const viaServer = usesPostgres() ? { ...env, TABLEPORT_URL: url } : env;
    const demoId = (await succeeded(['seed', 'demo'], viaServer)).trim();
    expect((await bases()).filter((base) => base.name === 'Demo CRM').map((base) => base.id)).toEqual([
      demoId,
    ]);
    const exported = parseCsv(
      await succeeded(['export', 'csv', '--base', demoId, '--table', 'Companies'], viaServer),
    );
    expect(exported).toHaveLength(41);
    expect(exported[0]!.slice(0, 3)).toEqual(['Name', 'Industry', 'Size']);
    const file = path.join(env.TABLEPORT_DATA_DIR!, 'new.csv');
    writeFileSync(file, 'Name,Industry,Mood\nZeta Works,Retail,calm\nOmega Labs,Space,keen\n');
    const report = JSON.parse(
      await succeeded(
        ['import', 'csv', '--base', demoId, '--table', 'Companies', '--file', file, '--create-fields'],
        viaServer,
      ),
    );
    expect(report).toMatchObject({ created: 2, createdFields: ['Mood'], rejected: [] });

    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    const out = path.join(env.TABLEPORT_DATA_DIR!, 'out.csv');
    await succeeded(
      ['export', 'csv', '--base', demoId, '--table', 'Companies', '--fields', 'Name,Mood', '--out', out],
      env,
    );
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(43);
    expect(rows).toContainEqual(['Omega Labs', 'keen']);

    const source = await startV0Server({ env: { TABLEPORT_DEMO: 'false' } });
    try {
      const base = await source.createBase(
        [{ name: 'Notes', fields: [{ name: 'Title', type: 'singleLineText' }] }],
        'Remote notes',
      );
      await source.call('POST', `/v0/${base.id}/Notes`, {
        records: [{ fields: { Title: 'one' } }, { fields: { Title: 'two' } }],
      });
      const args = ['import', 'airtable', '--base', base.id, '--endpoint', source.url];
      const imported = JSON.parse(await succeeded(args, { ...env, TABLEPORT_AIRTABLE_TOKEN: SOURCE_TOKEN }));
      expect(imported).toMatchObject({
        name: 'Remote notes',
        tables: [{ name: 'Notes', records: 2 }],
        skipped: [],
      });
    } finally {
      await source.stop();
    }
  }, 240_000);
});
