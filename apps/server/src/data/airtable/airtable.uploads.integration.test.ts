import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, createFixtureBase } from '../../mcp/testing/data-tools.fixture';
import { connectHttpClient } from '../../mcp/testing/mcp.test-server';
import { ADMIN_TOKEN, type Json } from '../test/v0.harness';
import { startDriverPair, upstreamAnswers, type DriverPair } from './testing/driver.fixture';

const upload = (filename: string, text: string) => ({ contentType: 'text/plain', file: Buffer.from(text).toString('base64'), filename });
const filenames = (cell: unknown) => ((cell as Json[] | undefined) ?? []).map((file: Json): unknown => file.filename);

// base64 uploads on a connected base go to Airtable's own uploadAttachment (the content host; here
// the upstream Tableport serves it at the path the client uses), not to Tableport's file store.
describe('attachment uploads on a connected base', () => {
  let pair: DriverPair;
  let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
  let fieldId: string;
  let driven: Client;

  beforeAll(async () => {
    pair = await startDriverPair();
    fixture = await createFixtureBase(pair.upstream, 'Uploads');
    const field = await pair.upstream.call('POST', `/v0/meta/bases/${fixture.id}/tables/Tasks/fields`, { name: 'Design files', type: 'multipleAttachments' });
    fieldId = field.body.id as string;
    await pair.connect(fixture.id);
    driven = await connectHttpClient({ url: `${pair.tableport.url}/mcp`, token: ADMIN_TOKEN, lane: '2026-07-28' });
  }, 60_000);
  afterAll(async () => {
    await driven?.close();
    await pair?.stop();
  });

  /** Waits until the change feed has read every payload upstream has made so far. */
  const feedCaughtUp = async () => {
    const hooks = await pair.direct('GET', `/v0/bases/${fixture.id}/webhooks`);
    const target = hooks.body.webhooks[0].cursorForNextPayload as number;
    for (let tries = 0; tries < 150; tries += 1) {
      const rows = await pair.tableport.app.context.db.query<{ cursor: number }>('SELECT cursor FROM airtable_connections WHERE base_id = $1', [fixture.id]);
      if (rows.rows[0]!.cursor >= target) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('timed out waiting for the change feed');
  };
  const cellUpstream = async (recordId: string) =>
    (await pair.direct('GET', `/v0/${fixture.id}/Tasks/${recordId}?returnFieldsByFieldId=true`)).body.fields[fieldId] as Json[] | undefined;

  it('appends the file through /v0 as the base does, journals it, and undoes it', async () => {
    const recordId = fixture.tasks[0]!;
    const at = `/v0/${fixture.id}/${recordId}/${encodeURIComponent('Design files')}/uploadAttachment`;
    const first = await pair.driven('POST', at, upload('brief.txt', 'the brief'));
    expect(first.status).toBe(200);
    expect(Object.keys(first.body.fields as object)).toEqual([fieldId]);
    expect(first.body).toMatchObject({ id: recordId, fields: { [fieldId]: [{ filename: 'brief.txt', size: 9, type: 'text/plain' }] } });
    const fromBase = await pair.direct('POST', at, upload('notes.txt', 'notes'));
    const second = await pair.tableport.call('POST', at, upload('plan.txt', 'the plan'));
    expect(filenames(fromBase.body.fields[fieldId])).toEqual(['brief.txt', 'notes.txt']);
    expect(filenames(second.body.fields[fieldId])).toEqual(['brief.txt', 'notes.txt', 'plan.txt']);
    expect(second.body.fields[fieldId]).toEqual(await cellUpstream(recordId));

    const changeSetId = second.headers.get('x-tableport-change-set');
    expect(changeSetId).toMatch(/^chg/);
    const journal = await pair.tableport.app.context.db.query<{ changes: Json[] }>('SELECT changes FROM data_change_sets WHERE id = $1', [changeSetId]);
    expect(journal.rows[0]!.changes).toMatchObject([{ op: 'update', recordId, before: { [fieldId]: fromBase.body.fields[fieldId] }, after: { [fieldId]: second.body.fields[fieldId] } }]);
    await callOk(driven, 'undo_change', { change_set_ids: [changeSetId] });
    expect(filenames(await cellUpstream(recordId))).toEqual(['brief.txt', 'notes.txt']);
    expect(await upstreamAnswers(pair.upstream, 429)).toBe(0);

    // One event per write: the change feed announces the upload made on the base (when it reads it),
    // never ours a second time.
    await feedCaughtUp();
    const events = await pair.tableport.app.context.db.query<{ type: string; channel: string }>(
      "SELECT type, actor->>'channel' AS channel FROM domain_events WHERE base_id = $1 AND payload->>'recordId' = $2 ORDER BY seq",
      [fixture.id, recordId],
    );
    expect(events.rows.map((row) => `${row.type} ${row.channel}`).sort()).toEqual([
      'record.updated mcp',
      'record.updated sync',
      'record.updated v0',
      'record.updated v0',
    ]);
  }, 60_000);

  it('answers the base’s own refusals', async () => {
    const cases: Array<[string, unknown]> = [
      [`/v0/${fixture.id}/${fixture.tasks[1]}/Title/uploadAttachment`, upload('a.txt', 'a')],
      [`/v0/${fixture.id}/recAAAAAAAAAAAAAA/${fieldId}/uploadAttachment`, upload('a.txt', 'a')],
      [`/v0/${fixture.id}/${fixture.tasks[1]}/${fieldId}/uploadAttachment`, { filename: 'a.txt' }],
    ];
    for (const [at, body] of cases) {
      const fromBase = await pair.direct('POST', at, body);
      const fromTableport = await pair.driven('POST', at, body);
      expect(fromBase.status, at).toBeGreaterThanOrEqual(400);
      expect({ status: fromTableport.status, body: fromTableport.body }, at).toEqual({ status: fromBase.status, body: fromBase.body });
    }
  }, 60_000);

  it('takes base64 in upload_attachment and shows the whole record', async () => {
    const recordId = fixture.tasks[2]!;
    const args = { base_id: fixture.id, table_id: 'Tasks', record_id: recordId, field: 'Design files' };
    const result = await callOk(driven, 'upload_attachment', { ...args, base64: Buffer.from('hello').toString('base64'), filename: 'hello.txt', content_type: 'text/plain' });
    expect(result.changeSetIds).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ id: recordId, fields: { Title: 'Dock capsules', 'Design files': [{ filename: 'hello.txt', type: 'text/plain' }] } });
    const again = await callOk(driven, 'upload_attachment', { ...args, base64: Buffer.from('again').toString('base64'), filename: 'again.txt' });
    expect(filenames(again.records[0].fields['Design files'])).toEqual(['hello.txt', 'again.txt']);
    const stored = await cellUpstream(recordId);
    expect(stored).toMatchObject([{ filename: 'hello.txt', size: 5 }, { filename: 'again.txt', size: 5 }]);
    // The bytes are in the base's own file store, not in Tableport's (test servers name no public URL).
    const file = new URL(stored![0].url as string).pathname;
    expect(await (await fetch(`${pair.upstream.url}${file}`)).text()).toBe('hello');
    expect((await fetch(`${pair.tableport.url}${file}`)).status).toBe(404);
  }, 60_000);
});
