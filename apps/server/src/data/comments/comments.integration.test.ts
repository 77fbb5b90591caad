import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

// Comments over /v0 in the wire forms pyairtable sends (shared/airtable-api.md §4.2, §6.2).
let server: V0Server;
let baseId: string;
let recordIds: string[];
const TABLE = encodeURIComponent('Open Tasks');

const comments = (recordId: string, suffix = '') => `/v0/${baseId}/${TABLE}/${recordId}/comments${suffix}`;

/** A second person: the first sign-up owns the instance; an API key acts as them. */
async function otherPersonKey(): Promise<string> {
  const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' }),
  });
  const cookie = signUp.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const key = await fetch(`${server.url}/api/v1/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify({ name: 'commenter', scopes: ['data.recordComments:read', 'data.recordComments:write'] }),
  });
  return ((await key.json()) as Json).token as string;
}

beforeAll(async () => {
  server = await startV0Server();
  const base = await server.createBase([{ name: 'Open Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }]);
  baseId = base.id;
  const created = await server.call('POST', `/v0/${baseId}/${TABLE}`, { records: [{ fields: { Name: 'a' } }, { fields: { Name: 'b' } }] });
  recordIds = (created.body.records as { id: string }[]).map((record) => record.id);
});
afterAll(async () => {
  await server?.stop();
});

describe('record comments', () => {
  it('creates, pages newest first, edits and deletes, with commentCount equal to the comments', async () => {
    const [first] = recordIds as [string];
    const texts = ['one', 'two @[usrAAAAAAAAAAAAAA] look', 'three'];
    const made: Json[] = [];
    for (const text of texts) {
      const response = await server.call('POST', comments(first), { text });
      expect(response.status).toBe(200);
      made.push(response.body);
    }
    expect(made[1]).toMatchObject({ text: 'two @[usrAAAAAAAAAAAAAA] look', lastUpdatedTime: null, author: { id: 'usrTableportAdmin' } });
    expect(made[1].id).toMatch(/^com[A-Za-z0-9]{14}$/);
    expect(new Date(made[1].createdTime).toISOString()).toBe(made[1].createdTime);

    const page1 = await server.call('GET', `${comments(first)}?pageSize=2`);
    expect((page1.body.comments as { text: string }[]).map((comment) => comment.text)).toEqual(['three', texts[1]]);
    expect(typeof page1.body.offset).toBe('string');
    const page2 = await server.call('GET', `${comments(first)}?pageSize=2&offset=${page1.body.offset}`);
    expect(page2.body).toMatchObject({ comments: [{ text: 'one' }], offset: null });

    const counted = await server.call('GET', `/v0/${baseId}/${TABLE}?recordMetadata%5B%5D=commentCount`);
    expect((counted.body.records as Json[]).map((record): unknown[] => [record.fields.Name, record.commentCount])).toEqual([['a', 3], ['b', 0]]);

    const edited = await server.call('PATCH', comments(first, `/${made[0].id}`), { text: 'one, edited' });
    expect(edited.body).toMatchObject({ id: made[0].id, text: 'one, edited' });
    expect(edited.body.lastUpdatedTime).toEqual(expect.any(String));
    const deleted = await server.call('DELETE', comments(first, `/${made[2].id}`));
    expect(deleted.body).toEqual({ id: made[2].id, deleted: true });
    const after = await server.call('GET', `/v0/${baseId}/${TABLE}/${first}?`);
    expect(after.status).toBe(200);
    const listed = await server.call('GET', comments(first));
    expect(listed.body.comments).toHaveLength(2);
    const recount = await server.call('GET', `/v0/${baseId}/${TABLE}?recordMetadata[]=commentCount&fields[]=Name`);
    expect(recount.body.records[0].commentCount).toBe(2);
  });

  it('replies name their parent; a parent from another record is refused', async () => {
    const [first, second] = recordIds as [string, string];
    const parent = await server.call('POST', comments(first), { text: 'thread' });
    const reply = await server.call('POST', comments(first), { text: 'reply', parentCommentId: parent.body.id });
    expect(reply.body.parentCommentId).toBe(parent.body.id);
    const stray = await server.call('POST', comments(second), { text: 'reply', parentCommentId: parent.body.id });
    expect(stray.status).toBe(422);
  });

  it('answers Airtable errors', async () => {
    const [first] = recordIds as [string];
    expect((await server.call('GET', comments('recAAAAAAAAAAAAAA'))).body.error.type).toBe('MODEL_ID_NOT_FOUND');
    expect((await server.call('PATCH', comments(first, '/comAAAAAAAAAAAAAA'), { text: 'x' })).body.error.type).toBe('MODEL_ID_NOT_FOUND');
    const empty = await server.call('POST', comments(first), {});
    expect([empty.status, empty.body.error.type]).toEqual([422, 'INVALID_REQUEST_UNKNOWN']);
    expect((await server.call('GET', `${comments(first)}?pageSize=101`)).status).toBe(422);
    expect((await server.call('GET', `/v0/${baseId}/Nope/${first}/comments`)).body.error.type).toBe('INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
    const anonymous = await server.raw('GET', comments(first));
    expect(anonymous.status).toBe(401);
  });

  it('only the author edits a comment', async () => {
    const [first] = recordIds as [string];
    const token = await otherPersonKey();
    const theirs = await server.call('POST', comments(first), { text: 'by ada' }, { authorization: `Bearer ${token}` });
    expect(theirs.status).toBe(200);
    expect(theirs.body.author).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    const admins = await server.call('POST', comments(first), { text: 'by admin' });
    const denied = await server.call('PATCH', comments(first, `/${admins.body.id}`), { text: 'hijack' }, { authorization: `Bearer ${token}` });
    expect([denied.status, denied.body.error.type]).toEqual([403, 'INVALID_PERMISSIONS']);
    const own = await server.call('PATCH', comments(first, `/${theirs.body.id}`), { text: 'by ada, edited' }, { authorization: `Bearer ${token}` });
    expect(own.body.text).toBe('by ada, edited');
  });

  it('deleting a record deletes its comments', async () => {
    const [, second] = recordIds as [string, string];
    await server.call('POST', comments(second), { text: 'soon gone' });
    await server.call('DELETE', `/v0/${baseId}/${TABLE}/${second}`);
    expect((await server.call('GET', comments(second))).status).toBe(404);
    const db = server.app.context.db;
    const left = async () => (await db.query('SELECT 1 FROM data_comments WHERE record_id = $1', [second])).rows.length;
    for (let tries = 0; (await left()) > 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await left()).toBe(0);
  });
});
