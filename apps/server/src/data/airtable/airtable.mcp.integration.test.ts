import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, createFixtureBase } from '../../mcp/testing/data-tools.fixture';
import { connectHttpClient } from '../../mcp/testing/mcp.test-server';
import { ADMIN_TOKEN, type Json } from '../test/v0.harness';
import { startDriverPair, type DriverPair } from './testing/driver.fixture';

// MCP tools run on the data service, so a connected base answers them as the base itself does;
// only search differs by design: Airtable runs it as exact SEARCH/FIND formulas, and says so.
describe('MCP tools on a connected base', () => {
  let pair: DriverPair;
  let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
  let direct: Client;
  let driven: Client;

  beforeAll(async () => {
    pair = await startDriverPair();
    fixture = await createFixtureBase(pair.upstream, 'MCP parity');
    await pair.connect(fixture.id);
    direct = await connectHttpClient({ url: `${pair.upstream.url}/mcp`, token: ADMIN_TOKEN, lane: '2025-11-25' });
    driven = await connectHttpClient({ url: `${pair.tableport.url}/mcp`, token: ADMIN_TOKEN, lane: '2025-11-25' });
  });
  afterAll(async () => {
    await direct?.close();
    await driven?.close();
    await pair?.stop();
  });

  const both = async (name: string, args: Record<string, unknown>): Promise<[Json, Json]> => [await callOk(direct, name, args), await callOk(driven, name, args)];

  it('reads records and schema the same, links with their primary values', async () => {
    const args = { base_id: fixture.id, table_id: 'Tasks', fields: ['Title', 'Project', 'Project owner'], sort: [{ field: 'Title' }] };
    const [fromStore, fromDriver] = await both('get_records', args);
    expect(fromDriver).toEqual(fromStore);
    const record = { base_id: fixture.id, table_id: 'Tasks', record_id: fixture.tasks[2] };
    const [one, two] = await both('get_record', record);
    expect(two).toEqual(one);
  });

  it('searches through Airtable’s own formulas and says the search is exact', async () => {
    const result = await callOk(driven, 'search_records', { base_id: fixture.id, table_id: 'Tasks', query: 'rocket' });
    expect(result.mode).toBe('exact');
    expect(result.note).toMatch(/exact/i);
    expect(result.records.map((record: { id: string }) => record.id)).toEqual([fixture.tasks[0]]);
  });

  it('writes through the tools into the real base and undoes the change', async () => {
    const created = await callOk(driven, 'create_record', { base_id: fixture.id, table_id: 'Tasks', fields: { Title: 'From MCP', Points: 1 } });
    const id = created.records[0].id as string;
    const updated = await callOk(driven, 'update_record', { base_id: fixture.id, table_id: 'Tasks', record_id: id, fields: { Points: 2 } });
    expect((await pair.direct('GET', `/v0/${fixture.id}/Tasks/${id}`)).body.fields.Points).toBe(2);
    await callOk(driven, 'undo_change', { change_set_ids: updated.changeSetIds });
    expect((await pair.direct('GET', `/v0/${fixture.id}/Tasks/${id}`)).body.fields.Points).toBe(1);
  });
});
