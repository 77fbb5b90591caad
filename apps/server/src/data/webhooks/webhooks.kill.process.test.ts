import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, usesPostgres } from '../../../test/harness';
import { killSpawned, runTableport, startedUrl, waitFor } from '../../cli/seed.spawn';

// kill -9 on /v0: a client creates records against a spawned server, the server is SIGKILLed while
// requests are in flight, and after a restart every create that got a 200 is there, and is in
// exactly one webhook payload (payloads come from the outbox, so a crash loses none).
const TOKEN = 'kill-test-admin-token-'.padEnd(40, 'k');
afterEach(killSpawned);

type Answer = { status: number; body: Record<string, unknown> };

async function start(env: Record<string, string>) {
  const server = runTableport(['start'], env);
  const url = await waitFor(() => startedUrl(server.output()), 'the server to start');
  const call = async (method: string, route: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { server, call };
}

describe('kill -9 on /v0', () => {
  it('keeps every acknowledged create, each in exactly one webhook payload', async () => {
    const env: Record<string, string> = { TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-kill-v0-')), TABLEPORT_ADMIN_TOKEN: TOKEN, TABLEPORT_DEMO: 'false', PORT: '0', HOST: '127.0.0.1' };
    if (usesPostgres()) Object.assign(env, { DATABASE_URL: (await createTestDatabase()).url!, TABLEPORT_SECRET_KEY: 'aa'.repeat(32) });
    const first = await start(env);
    const base = await first.call('POST', '/v0/meta/bases', { name: 'Crash', tables: [{ name: 'Items', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'N', type: 'number' }] }] });
    const baseId = base.body.id as string;
    const hook = await first.call('POST', `/v0/bases/${baseId}/webhooks`, { specification: { options: { filters: { dataTypes: ['tableData'] } } } });
    const hookId = hook.body.id as string;

    const acked = new Map<number, string>();
    let next = 0;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const n = next++;
        const answer = await first.call('POST', `/v0/${baseId}/Items`, { fields: { Name: `item ${n}`, N: n } }).catch(() => undefined);
        if (answer?.status === 200) acked.set(n, answer.body.id as string);
        else if (answer === undefined) return;
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await waitFor(() => (acked.size >= 60 ? true : undefined), 'acknowledged creates');
    first.server.child.kill('SIGKILL');
    await first.server.exit;
    stop = true;
    await Promise.all(writers);

    const second = await start(env);
    const present = new Map<number, string>();
    let offset = '';
    do {
      const page = await second.call('GET', `/v0/${baseId}/Items?pageSize=100${offset ? `&offset=${offset}` : ''}`);
      for (const record of page.body.records as { id: string; fields: { N: number } }[]) present.set(record.fields.N, record.id);
      offset = (page.body.offset as string | undefined) ?? '';
    } while (offset);
    for (const [n, id] of acked) expect(present.get(n), `create ${n} was acknowledged`).toBe(id);

    const inPayloads: string[] = [];
    let cursor = 1;
    for (let more = true; more; ) {
      const page = await second.call('GET', `/v0/bases/${baseId}/webhooks/${hookId}/payloads?cursor=${cursor}`);
      for (const payload of page.body.payloads as { changedTablesById?: Record<string, { createdRecordsById?: Record<string, unknown> }> }[]) {
        for (const table of Object.values(payload.changedTablesById ?? {})) inPayloads.push(...Object.keys(table.createdRecordsById ?? {}));
      }
      cursor = page.body.cursor as number;
      more = page.body.mightHaveMore as boolean;
    }
    expect(inPayloads.sort()).toEqual([...present.values()].sort());
    second.server.child.kill('SIGTERM');
    expect(await second.server.exit).toBe(0);
  }, 180_000);
});
