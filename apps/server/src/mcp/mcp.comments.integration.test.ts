import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../data/test/v0.harness';
import { callError, callOk, createFixtureBase } from './testing/data-tools.fixture';
import { connectHttpClient } from './testing/mcp.test-server';

let server: V0Server;
let client: Client;
let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
beforeAll(async () => {
  server = await startV0Server();
  fixture = await createFixtureBase(server);
  client = await connectHttpClient({ url: `${server.url}/mcp`, token: ADMIN_TOKEN, lane: '2026-07-28' });
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

describe('comment tools', () => {
  it('adds comments and replies and lists them newest first, page by page', async () => {
    const record = { base_id: fixture.id, table_id: 'Tasks', record_id: fixture.tasks[0] };
    const first = await callOk(client, 'add_comment', { ...record, text: 'Looks good' });
    await callOk(client, 'add_comment', { ...record, text: 'Agreed', parent_comment_id: first.comment.id });
    const page = await callOk(client, 'list_comments', { ...record, page_size: 1 });
    expect(page).toMatchObject({
      hasMore: true,
      comments: [{ text: 'Agreed', parentCommentId: first.comment.id }],
    });
    const rest = await callOk(client, 'list_comments', { ...record, page_size: 1, cursor: page.nextCursor });
    expect(rest).toMatchObject({ hasMore: false, comments: [{ text: 'Looks good' }] });
    expect(
      await callError(client, 'add_comment', { ...record, record_id: 'recAAAAAAAAAAAAAA', text: 'x' }),
    ).toMatch(/^Error record\.not_found/);
  });
});

describe('upload_attachment with base64', () => {
  it('stores the file, serves it, and appends it to the cell', async () => {
    await callOk(client, 'create_field', {
      base_id: fixture.id,
      table_id: 'Tasks',
      name: 'Files',
      type: 'multipleAttachments',
    });
    const content = Buffer.from('hello, attachments');
    const written = await callOk(client, 'upload_attachment', {
      base_id: fixture.id,
      table_id: 'Tasks',
      record_id: fixture.tasks[1],
      field: 'Files',
      base64: content.toString('base64'),
      filename: 'hello.txt',
      content_type: 'text/plain',
    });
    const [file] = written.records[0].fields.Files as Json[];
    expect(file).toMatchObject({ filename: 'hello.txt', type: 'text/plain' });
    // Tests listen on port 0, so the URL's origin is not the listener's: fetch its path from the server.
    const served = await fetch(new URL(new URL(file.url as string).pathname, server.url));
    expect(Buffer.from(await served.arrayBuffer())).toEqual(content);
  });
});
