import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type V0Server } from '../data/test/v0.harness';
import { callOk, createFixtureBase } from './testing/data-tools.fixture';
import { LANES } from './testing/mcp.test-server';
import { connectStdioClient } from './testing/stdio.client';

// Claude Desktop's configuration from docs/mcp.md: `tableport mcp` with TABLEPORT_URL and a key.
let server: V0Server;
let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
beforeAll(async () => {
  server = await startV0Server();
  fixture = await createFixtureBase(server);
});
afterAll(async () => server?.stop());

describe.each(LANES)('the data tools through tableport mcp over stdio, lane %s', (lane) => {
  it('reads, writes with a change set and undoes it', async () => {
    const client = await connectStdioClient({
      lane,
      env: { TABLEPORT_URL: server.url, TABLEPORT_API_KEY: ADMIN_TOKEN },
    });
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe(lane);
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('upload_attachment');
      const page = await callOk(client, 'get_records', {
        base_id: fixture.id,
        table_id: 'Tasks',
        fields: ['Title', 'Project'],
        page_size: 2,
        sort: [{ field: 'Title' }],
      });
      expect(page).toMatchObject({
        count: 2,
        hasMore: true,
        records: [{ fields: { Title: 'Build rocket', Project: [{ name: 'Apollo' }] } }, {}],
      });
      const created = await callOk(client, 'create_record', {
        base_id: fixture.id,
        table_id: 'Projects',
        fields: { Name: `stdio ${lane}` },
      });
      await callOk(client, 'undo_change', { change_set_ids: created.changeSetIds });
      const search = await callOk(client, 'search_records', {
        base_id: fixture.id,
        table_id: 'Projects',
        query: `stdio ${lane}`,
      });
      expect(search.count).toBe(0);
    } finally {
      await client.close();
    }
  }, 60_000);
});
