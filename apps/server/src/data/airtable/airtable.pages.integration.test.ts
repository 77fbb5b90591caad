import Airtable from 'airtable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallJournal } from '../data.journal';
import { findBase } from '../data.registry';
import { createLocalDataSource } from '../local/local.source';
import { ADMIN_TOKEN } from '../test/v0.harness';
import { createAirtableGateway } from './airtable.gateway';
import { startDriverPair, upstreamAnswers, type DriverPair } from './testing/driver.fixture';

const ROWS = 10_050;

// The driver follows Airtable's pagination past 10,000 records over real HTTP, paced under the
// emulated 5 requests/s, to the cap the caller sets; and airtable.js works against a connected base.
describe('large reads and airtable.js on a connected base', () => {
  let pair: DriverPair;
  let base: string;

  beforeAll(async () => {
    pair = await startDriverPair();
    base = (await pair.upstream.createBase([{ name: 'Big', fields: [{ name: 'Name', type: 'singleLineText' }] }], 'Big')).id;
    // Seeded inside upstream: 1,005 paced requests would take minutes.
    const { context } = pair.upstream.app;
    const entry = (await findBase(context.db, base))!;
    const actor = { kind: 'system' as const, id: 'seed', userId: null, channel: 'import' as const };
    const store = createLocalDataSource({ db: context.db });
    const names = Array.from({ length: ROWS }, (_, index) => `row ${String(index).padStart(5, '0')}`);
    // In thousands: one event per record goes into one INSERT, and PostgreSQL takes 65,535 parameters.
    for (let start = 0; start < ROWS; start += 1_000) {
      const journal = createCallJournal({ events: context.events, actor, base: entry, operation: 'seed' }).journal;
      const records = names.slice(start, start + 1_000).map((Name) => ({ fields: { Name } }));
      await store.createRecords({ base: entry, tableIdOrName: 'Big', records, context: { actor, journal } });
    }
    await pair.connect(base);
  }, 120_000);
  afterAll(() => pair?.stop());

  it('reads 10,050 records page by page, and stops at a cap with the truncation said', async () => {
    // The rate counters of the server (its change feed polls the same base): two nodes sharing them.
    const gateway = createAirtableGateway({ kv: pair.tableport.app.context.kv, endpointUrl: pair.upstream.url, cache: false });
    const client = gateway.client(ADMIN_TOKEN);
    const all = await client.records.listAll({ baseId: base, tableIdOrName: 'Big', cap: { records: Infinity } });
    expect(all.records).toHaveLength(ROWS);
    expect(new Set(all.records.map((record) => record.id)).size).toBe(ROWS);
    expect(all.truncated).toBe(false);
    const capped = await client.records.listAll({ baseId: base, tableIdOrName: 'Big', cap: { records: 250 } });
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.records).toHaveLength(250);
    expect(gateway.stats().upstreamRateLimited).toBe(0);
    expect(await upstreamAnswers(pair.upstream, 429)).toBe(0);
  }, 120_000);

  it('serves airtable.js (select, create, update, destroy) as the base itself would', async () => {
    const table = new Airtable({ apiKey: ADMIN_TOKEN, endpointUrl: pair.tableport.url }).base(base).table('Big');
    const first = await table.select({ pageSize: 5, maxRecords: 5, sort: [{ field: 'Name', direction: 'desc' }] }).firstPage();
    expect(first.map((record) => record.get('Name'))).toEqual(['row 10049', 'row 10048', 'row 10047', 'row 10046', 'row 10045']);
    const created = await table.create({ Name: 'from airtable.js' });
    const updated = await table.update(created.id, { Name: 'updated by airtable.js' });
    expect(updated.get('Name')).toBe('updated by airtable.js');
    const direct = await pair.direct('GET', `/v0/${base}/Big/${created.id}`);
    expect(direct.body).toMatchObject({ fields: { Name: 'updated by airtable.js' } });
    expect(direct.body.fields).toEqual({ Name: 'updated by airtable.js' });
    await table.destroy(created.id);
    expect((await pair.direct('GET', `/v0/${base}/Big/${created.id}`)).status).toBe(404);
  });
});
