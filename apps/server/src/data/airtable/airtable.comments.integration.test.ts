import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, createFixtureBase } from '../../mcp/testing/data-tools.fixture';
import { connectHttpClient } from '../../mcp/testing/mcp.test-server';
import { ADMIN_TOKEN, type Json } from '../test/v0.harness';
import { startDriverPair, upstreamAnswers, type DriverPair } from './testing/driver.fixture';

// A connected base's comments are Airtable's: Tableport's /v0 and MCP reach them through the driver
// and answer exactly what the base answers when called directly (upstream plays Airtable).
describe('comments on a connected base', () => {
  let pair: DriverPair;
  let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
  let direct: Client;
  let driven: Client;
  let path: string;

  beforeAll(async () => {
    pair = await startDriverPair();
    fixture = await createFixtureBase(pair.upstream, 'Comments');
    path = `/v0/${fixture.id}/Tasks/${fixture.tasks[0]}/comments`;
    await pair.connect(fixture.id);
    direct = await connectHttpClient({ url: `${pair.upstream.url}/mcp`, token: ADMIN_TOKEN, lane: '2025-11-25' });
    driven = await connectHttpClient({ url: `${pair.tableport.url}/mcp`, token: ADMIN_TOKEN, lane: '2025-11-25' });
  }, 60_000);
  afterAll(async () => {
    await direct?.close();
    await driven?.close();
    await pair?.stop();
  });

  /** The same call straight to the base and through Tableport: [direct, driven]. */
  const both = async (method: string, at: string, body?: unknown) => [await pair.direct(method, at, body), await pair.driven(method, at, body)];
  const events = async () =>
    (
      await pair.tableport.app.context.db.query<{ type: string; table_id: string; payload: { commentId: string; recordId: string } }>(
        "SELECT type, table_id, payload FROM domain_events WHERE base_id = $1 AND type LIKE 'comment.%' ORDER BY seq",
        [fixture.id],
      )
    ).rows;

  it('creates, lists page by page, edits and deletes through Airtable’s comments API', async () => {
    const first = await pair.driven('POST', path, { text: 'First look' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: expect.stringMatching(/^com/), text: 'First look', lastUpdatedTime: null, author: { id: 'usrTableportAdmin' } });
    const reply = await pair.driven('POST', path, { text: 'A reply', parentCommentId: first.body.id });
    expect(reply.body.parentCommentId).toBe(first.body.id);
    await pair.direct('POST', path, { text: 'Written on the base itself' });

    const [fromBase, fromTableport] = await both('GET', path);
    expect(fromTableport).toMatchObject({ status: 200, body: fromBase!.body });
    expect((fromBase!.body.comments as Json[]).map((comment): unknown => comment.text)).toEqual(['Written on the base itself', 'A reply', 'First look']);
    const [page, drivenPage] = await both('GET', `${path}?pageSize=2`);
    expect(drivenPage!.body).toEqual(page!.body);
    expect(page!.body.comments).toHaveLength(2);
    const next = `${path}?pageSize=2&offset=${encodeURIComponent(page!.body.offset as string)}`;
    const [rest, drivenRest] = await both('GET', next);
    expect(drivenRest!.body).toEqual(rest!.body);
    expect(rest!.body).toMatchObject({ comments: [{ id: first.body.id }], offset: null });

    const edited = await pair.driven('PATCH', `${path}/${first.body.id}`, { text: 'Second look' });
    expect(edited.body).toMatchObject({ id: first.body.id, text: 'Second look', lastUpdatedTime: expect.any(String) });
    expect((await pair.driven('DELETE', `${path}/${reply.body.id}`)).body).toEqual({ id: reply.body.id, deleted: true });
    const [after, drivenAfter] = await both('GET', path);
    expect(drivenAfter!.body).toEqual(after!.body);
    expect((after!.body.comments as Json[]).map((comment): unknown => comment.text)).toEqual(['Written on the base itself', 'Second look']);

    // Tableport announces its own comment writes as it does on its bases.
    const tasks = (await pair.driven('GET', `/v0/meta/bases/${fixture.id}/tables`)).body.tables[1].id as string;
    expect((await events()).map((event) => [event.type, event.table_id, event.payload.commentId])).toEqual([
      ['comment.created', tasks, first.body.id],
      ['comment.created', tasks, reply.body.id],
      ['comment.updated', tasks, first.body.id],
      ['comment.deleted', tasks, reply.body.id],
    ]);
    expect(await upstreamAnswers(pair.upstream, 429)).toBe(0);
  }, 60_000);

  it('gives the base’s own refusals: unknown record, table and comment, bad page size, empty text', async () => {
    const unknownRecord = `/v0/${fixture.id}/Tasks/recAAAAAAAAAAAAAA/comments`;
    const cases: Array<[string, string, unknown?]> = [
      ['GET', unknownRecord],
      ['POST', unknownRecord, { text: 'Nobody reads this' }],
      ['GET', `/v0/${fixture.id}/Nope/${fixture.tasks[0]}/comments`],
      ['GET', `${path}?pageSize=101`],
      ['POST', path, { text: '' }],
      ['PATCH', `${path}/comAAAAAAAAAAAAAA`, { text: 'Edit' }],
      ['DELETE', `${path}/comAAAAAAAAAAAAAA`],
    ];
    for (const [method, at, body] of cases) {
      const [fromBase, fromTableport] = await both(method, at, body);
      expect(fromBase!.status, `${method} ${at}`).toBeGreaterThanOrEqual(400);
      expect({ status: fromTableport!.status, body: fromTableport!.body }, `${method} ${at}`).toEqual({ status: fromBase!.status, body: fromBase!.body });
    }
  }, 60_000);

  it('runs list_comments and add_comment as on the base itself', async () => {
    const record = { base_id: fixture.id, table_id: 'Tasks', record_id: fixture.tasks[1] };
    const added = await callOk(driven, 'add_comment', { ...record, text: 'Through MCP' });
    expect(added.comment).toMatchObject({ id: expect.stringMatching(/^com/), text: 'Through MCP', author: { id: 'usrTableportAdmin' } });
    await callOk(driven, 'add_comment', { ...record, text: 'A reply through MCP', parent_comment_id: added.comment.id });
    await callOk(direct, 'add_comment', { ...record, text: 'Directly' });
    const args = { ...record, page_size: 2 };
    const [fromBase, fromTableport] = [await callOk(direct, 'list_comments', args), await callOk(driven, 'list_comments', args)];
    expect(fromTableport).toEqual(fromBase);
    expect(fromBase).toMatchObject({ hasMore: true, comments: [{ text: 'Directly' }, { text: 'A reply through MCP', parentCommentId: added.comment.id }] });
    const rest = { ...args, cursor: fromBase.nextCursor };
    expect(await callOk(driven, 'list_comments', rest)).toEqual(await callOk(direct, 'list_comments', rest));
  }, 60_000);
});
