import { AppError } from '@tableport/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kv } from '../../../infra/kv';
import { AIRTABLE_LIMITS, startAirtablePeer, type AirtablePeer } from '../testing/airtable.peer';
import { gatewayOn, openTestKv, TEST_LOCKOUT_MS } from '../testing/gateway.fixture';
import type { PeerTable } from '../testing/peer.store';

const BASE = 'appMerge00000001';
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, code: AppError.isInstance(error) ? error.code : 'unknown', error }),
  );
const bodies = (peer: AirtablePeer, method: string) =>
  peer.log.filter((entry) => entry.method === method).map((entry) => entry.body as Record<string, unknown> | undefined);

describe('write merging', () => {
  let peer: AirtablePeer;
  let table: PeerTable;
  let kv: Kv;

  beforeAll(async () => {
    peer = await startAirtablePeer();
  });
  beforeEach(() => {
    peer.setLimits({ ...AIRTABLE_LIMITS, lockoutMs: TEST_LOCKOUT_MS });
    peer.faults.clear();
    peer.log.length = 0;
    peer.store.bases.clear();
    table = peer.store.addTable({ baseId: BASE, name: 'Tasks', fields: ['Name', 'Notes'] });
    kv = openTestKv();
  });
  afterEach(() => kv.close());
  afterAll(() => peer.close());

  const api = () => gatewayOn(peer, kv, { cache: false }).client(peer.token);

  it('sends 25 concurrent single creates as 3 requests and routes each record to its caller', async () => {
    const client = api();
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        client.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: `r${index}` } }),
      ),
    );
    expect(created.map((record) => record.fields.Name)).toEqual(Array.from({ length: 25 }, (_, index) => `r${index}`));
    expect(new Set(created.map((record) => record.id)).size).toBe(25);
    const sizes = bodies(peer, 'POST').map((body) => (body?.records as unknown[]).length);
    expect(sizes.sort()).toEqual([10, 10, 5]);
    expect(table.records.size).toBe(25);
  });

  it('keeps a lone write in its single-record form', async () => {
    await api().records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: 'solo' }, typecast: true });
    expect(bodies(peer, 'POST')).toEqual([{ fields: { Name: 'solo' }, typecast: true }]);
  });

  it('does not let one invalid record fail the others: the batch is halved until it stands alone', async () => {
    const client = api();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        settle(
          client.records.create({
            baseId: BASE,
            tableIdOrName: 'Tasks',
            fields: index === 6 ? { Name: 'bad', Colour: 'red' } : { Name: `ok${index}` },
          }),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(9);
    const failed = outcomes[6]!;
    expect(failed.ok ? undefined : failed.code).toBe('airtable.invalid_request');
    expect(failed.ok ? undefined : (failed.error as AppError).details?.airtableType).toBe('UNKNOWN_FIELD_NAME');
    expect([...table.records.values()].map((record) => record.fields.Name).sort()).toEqual(
      [0, 1, 2, 3, 4, 5, 7, 8, 9].map((index) => `ok${index}`),
    );
    // Refused: the 10, then the half of 5 holding it, then 3, then 2, then the bad record alone.
    expect(peer.log.filter((entry) => entry.status === 422)).toHaveLength(5);
  });

  it('merges updates and deletes, and never puts two writes of one record in one request', async () => {
    const seeded = peer.store.seed(table, Array.from({ length: 6 }, (_, index) => ({ Name: `u${index}` })));
    const client = api();
    const ref = { baseId: BASE, tableIdOrName: 'Tasks' };
    const updates = seeded.map((record) => client.records.update({ ...ref, recordId: record.id, fields: { Notes: 'seen' } }));
    const again = client.records.update({ ...ref, recordId: seeded[0]!.id, fields: { Name: 'first' } });
    await Promise.all([...updates, again]);
    // A merged PATCH names its records in the body; a lone one in its path.
    const patches = peer.log
      .filter((entry) => entry.method === 'PATCH')
      .map((entry) => {
        const records = (entry.body as { records?: Array<{ id: string }> }).records;
        return records ? records.map((record) => record.id) : [entry.path.split('/').at(-1)!];
      });
    for (const ids of patches) expect(new Set(ids).size).toBe(ids.length);
    expect(patches.flat()).toHaveLength(7);
    expect(table.records.get(seeded[0]!.id)?.fields).toEqual({ Name: 'first', Notes: 'seen' });
    const deleted = await Promise.all(seeded.map((record) => settle(client.records.delete({ ...ref, recordId: record.id }))));
    expect(deleted.every((outcome) => outcome.ok)).toBe(true);
    expect(peer.log.filter((entry) => entry.method === 'DELETE')).toHaveLength(1);
    expect(table.records.size).toBe(0);
  });

  it('isolates a delete of a record that does not exist', async () => {
    const seeded = peer.store.seed(table, [{ Name: 'a' }, { Name: 'b' }, { Name: 'c' }]);
    const client = api();
    const ids = [seeded[0]!.id, 'recDoesNotExist01', seeded[1]!.id, seeded[2]!.id];
    const outcomes = await Promise.all(ids.map((recordId) => settle(client.records.delete({ baseId: BASE, tableIdOrName: 'Tasks', recordId }))));
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.code))).toEqual(['ok', 'airtable.not_found', 'ok', 'ok']);
    expect(table.records.size).toBe(0);
  });
});

describe('read coalescing', () => {
  it('serves identical concurrent reads with one request, each caller with its own copy', async () => {
    const peer = await startAirtablePeer();
    const kv = openTestKv();
    try {
      const table = peer.store.addTable({ baseId: BASE, name: 'Tasks', fields: ['Name'] });
      peer.store.seed(table, [{ Name: 'shared' }]);
      const gateway = gatewayOn(peer, kv, { cache: false });
      const client = gateway.client(peer.token);
      const pages = await Promise.all(Array.from({ length: 5 }, () => client.records.list({ baseId: BASE, tableIdOrName: 'Tasks' })));
      expect(peer.log).toHaveLength(1);
      expect(gateway.stats().coalesced).toBe(4);
      pages[0]!.records[0]!.fields.Name = 'changed by one caller';
      expect(pages.slice(1).map((page) => page.records[0]!.fields.Name)).toEqual(Array(4).fill('shared'));
      const aborted = new AbortController();
      const leaving = client.records.list({ baseId: BASE, tableIdOrName: 'Tasks', signal: aborted.signal });
      const staying = client.records.list({ baseId: BASE, tableIdOrName: 'Tasks' });
      aborted.abort();
      expect((await settle(leaving)).ok).toBe(false);
      expect((await staying).records).toHaveLength(1);
    } finally {
      await kv.close();
      await peer.close();
    }
  });
});
