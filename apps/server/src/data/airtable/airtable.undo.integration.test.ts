import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callError, callOk, createFixtureBase } from '../../mcp/testing/data-tools.fixture';
import { connectHttpClient } from '../../mcp/testing/mcp.test-server';
import { ADMIN_TOKEN, type Json } from '../test/v0.harness';
import { startDriverPair, upstreamAnswers, type DriverPair } from './testing/driver.fixture';

/** Requests Tableport's driver sent to Airtable, the change feed's webhook polls left out. */
async function dataRequests(pair: DriverPair): Promise<number> {
  const text = await (await fetch(`${pair.tableport.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('tableport_airtable_requests_total{') && !line.includes('operation="webhooks.'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

// Undo on a connected base reads the change set's records 50 to a request and writes them back 10 to
// a request, so reverting 30 records costs a handful of requests, not one per record.
describe('undo on a connected base', () => {
  let pair: DriverPair;
  let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
  let driven: Client;

  beforeAll(async () => {
    pair = await startDriverPair();
    fixture = await createFixtureBase(pair.upstream, 'Undo');
    await pair.connect(fixture.id);
    driven = await connectHttpClient({ url: `${pair.tableport.url}/mcp`, token: ADMIN_TOKEN, lane: '2026-07-28' });
  }, 60_000);
  afterAll(async () => {
    await driven?.close();
    await pair?.stop();
  });

  const upstreamTitles = async () => {
    const answer = await pair.direct('GET', `/v0/${fixture.id}/Tasks?fields[]=Title&filterByFormula=${encodeURIComponent("FIND('Batch ', {Title})")}`);
    return (answer.body.records as Json[]).map((record): string => record.fields.Title as string).sort();
  };

  it('reverts a change set of 30 records in a handful of requests, conflicts included', async () => {
    // One CSV import of 30 rows through Tableport is one change set of 30 creates.
    const csv = ['Title,Points', ...Array.from({ length: 30 }, (_, index) => `Batch ${String(index).padStart(2, '0')},${index}`)].join('\n');
    const imported = await pair.tableport.raw('POST', `/api/v1/bases/${fixture.id}/tables/Tasks/csv`, {
      body: csv,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
    });
    expect(JSON.parse(imported.text)).toMatchObject({ created: 30, rejected: [] });
    const sets = await pair.tableport.app.context.db.query<{ id: string; changes: Json[] }>(
      "SELECT id, changes FROM data_change_sets WHERE base_id = $1 AND operation = 'records.create' ORDER BY created_at DESC LIMIT 1",
      [fixture.id],
    );
    const changeSet = sets.rows[0]!;
    expect(changeSet.changes).toHaveLength(30);
    const edited = changeSet.changes[7].recordId as string;
    await pair.direct('PATCH', `/v0/${fixture.id}/Tasks/${edited}`, { fields: { Points: 70 } });

    let before = await dataRequests(pair);
    const preview = await callOk(driven, 'undo_change', { change_set_ids: [changeSet.id], dry_run: true });
    expect(preview.reverted[0].steps).toHaveLength(30);
    expect(preview.reverted[0].steps.filter((step: Json): boolean => Boolean(step.conflict))).toEqual([
      expect.objectContaining({ op: 'delete', recordId: edited, conflict: 'the record was changed since' }),
    ]);
    // Reading 30 records is one list request (plus, at most, the schema).
    expect((await dataRequests(pair)) - before).toBeLessThanOrEqual(2);
    expect(await callError(driven, 'undo_change', { change_set_ids: [changeSet.id] })).toMatch(/change_set\.conflict/);

    before = await dataRequests(pair);
    const undone = await callOk(driven, 'undo_change', { change_set_ids: [changeSet.id], force: true });
    // One read (the revert's own change set reads the same cells, from the cache if still there), 3 deletes of 10.
    expect((await dataRequests(pair)) - before).toBeLessThanOrEqual(5);
    expect(await upstreamTitles()).toEqual([]);

    // Undoing the undo brings the 30 back (new ids), in 3 creates and no reads.
    before = await dataRequests(pair);
    await callOk(driven, 'undo_change', { change_set_ids: undone.reverted[0].revertChangeSetIds });
    expect((await dataRequests(pair)) - before).toBeLessThanOrEqual(4);
    expect(await upstreamTitles()).toHaveLength(30);
    expect(await upstreamAnswers(pair.upstream, 429)).toBe(0);
  }, 120_000);
});
