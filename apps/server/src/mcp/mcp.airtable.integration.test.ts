/* eslint-disable @typescript-eslint/no-unsafe-return -- tool answers are untyped JSON read by assertions */
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDriverPair, type DriverPair } from '../data/airtable/testing/driver.fixture';
import { ADMIN_TOKEN, type Json } from '../data/test/v0.harness';
import { callError, callOk, createFixtureBase } from './testing/data-tools.fixture';
import { LANES, connectHttpClient } from './testing/mcp.test-server';

// The data tools on a base reached through the airtable driver: `upstream` plays Airtable (its /v0,
// with Airtable's rate limit), Tableport connects the base and serves it over MCP.
let pair: DriverPair;
let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
beforeAll(async () => {
  pair = await startDriverPair();
  fixture = await createFixtureBase(pair.upstream, 'Upstream');
  await pair.connect(fixture.id);
}, 60_000);
afterAll(async () => pair?.stop());

const titles = (page: Json) => page.records.map((record: Json) => record.fields.Title as string);

describe.each(LANES)('data tools on an Airtable base (airtable driver), lane %s', (lane) => {
  let client: Client;
  beforeAll(async () => {
    client = await connectHttpClient({ url: `${pair.tableport.url}/mcp`, token: ADMIN_TOKEN, lane });
  });
  afterAll(async () => client?.close());

  it('reads compact records with linked names and pages with a cursor', async () => {
    const args = {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Title', 'Project'],
      sort: [{ field: 'Title' }],
    };
    const all = await callOk(client, 'get_records', args);
    expect(all.records[0]).toEqual({
      id: fixture.tasks[0],
      fields: { Title: 'Build rocket', Project: [{ id: fixture.projects.apollo, name: 'Apollo' }] },
    });
    const first = await callOk(client, 'get_records', { ...args, page_size: 2 });
    const rest = await callOk(client, 'get_records', { ...args, page_size: 2, cursor: first.nextCursor });
    expect([...titles(first), ...titles(rest)]).toEqual(titles(all));
  });

  it('searches with Airtable formulas and says the search is exact', async () => {
    const hit = await callOk(client, 'search_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      query: 'grace',
    });
    expect(hit).toMatchObject({ mode: 'exact', records: [{ id: fixture.tasks[2] }] });
    expect(hit.note).toMatch(/Exact search/);
    expect(
      (await callOk(client, 'search_records', { base_id: fixture.id, table_id: 'Tasks', query: 'rendezvus' }))
        .count,
    ).toBe(0);
  });

  it('writes through the driver with a dry run and undoes the write', async () => {
    const created = await callOk(client, 'create_record', {
      base_id: fixture.id,
      table_id: 'Projects',
      fields: { Name: `Lane ${lane}` },
    });
    const id = created.records[0].id as string;
    const preview = await callOk(client, 'update_record', {
      base_id: fixture.id,
      table_id: 'Projects',
      record_id: id,
      fields: { Notes: 'n' },
      dry_run: true,
    });
    expect(preview.diff[0].changes).toEqual({ Notes: { before: null, after: 'n' } });
    await callOk(client, 'undo_change', { change_set_ids: created.changeSetIds });
    // The driver reports Airtable's own 404 (airtable.not_found) where the store says record.not_found.
    expect(
      await callError(client, 'get_record', { base_id: fixture.id, table_id: 'Projects', record_id: id }),
    ).toMatch(/^Error (record|airtable)\.not_found: .*Record not found/);
  });
});

describe('batches through the airtable driver', () => {
  it('writes 25 records as 3 requests of at most 10, and deletes them the same way', async () => {
    const client = await connectHttpClient({
      url: `${pair.tableport.url}/mcp`,
      token: ADMIN_TOKEN,
      lane: '2026-07-28',
    });
    const records = Array.from({ length: 25 }, (_, n) => ({ fields: { Name: `Batch ${n}` } }));
    const created = await callOk(client, 'batch_create_records', {
      base_id: fixture.id,
      table_id: 'Projects',
      records,
    });
    expect(created.ids).toHaveLength(25);
    expect(created.changeSetIds).toHaveLength(3);
    const upstream = await pair.direct(
      'GET',
      `/v0/${fixture.id}/Projects?filterByFormula=${encodeURIComponent("FIND('Batch', {Name})")}`,
    );
    expect(upstream.body.records).toHaveLength(25);
    const deleted = await callOk(client, 'delete_records', {
      base_id: fixture.id,
      table_id: 'Projects',
      record_ids: created.ids,
    });
    expect(deleted).toMatchObject({
      count: 25,
      changeSetIds: [expect.any(String), expect.any(String), expect.any(String)],
    });
    await client.close();
  }, 60_000);
});
