import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataService } from '../data';
import type { CommentService } from '../data/comments';
import { createDataCatalog } from './data-tools/data.catalog';
import { LANES, TEST_ADMIN_TOKEN, connectHttpClient, startMcpTestServer } from './testing/mcp.test-server';

type Server = Awaited<ReturnType<typeof startMcpTestServer>>;
const catalog = createDataCatalog({ data: {} as DataService, comments: {} as CommentService });
const READ_TOOLS = [
  'analyze_table_data',
  'describe_table',
  'export_table_csv',
  'find_duplicates',
  'get_field_info',
  'get_record',
  'get_records',
  'list_bases',
  'list_comments',
  'list_tables',
  'list_views',
  'search_records',
];

describe('tools/list golden files', () => {
  let server: Server;
  let readOnly: Server;
  beforeAll(async () => {
    server = await startMcpTestServer({ catalog: { ...catalog, prompts: [] } });
    readOnly = await startMcpTestServer({
      catalog: { ...catalog, prompts: [] },
      env: { TABLEPORT_MCP_READ_ONLY: 'true' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await readOnly?.stop();
  });

  it.each(LANES)('lane %s: byte-stable, sorted, every tool annotated with both schemas', async (lane) => {
    const client = await connectHttpClient({ url: server.url, token: TEST_ADMIN_TOKEN, lane });
    const first = await client.listTools();
    const again = await client.listTools();
    await client.close();
    expect(JSON.stringify(again.tools)).toBe(JSON.stringify(first.tools));
    const names = first.tools.map((tool) => tool.name);
    expect(names).toEqual([...names].sort());
    for (const tool of first.tools) {
      expect(tool.annotations, tool.name).toHaveProperty('readOnlyHint');
      expect(tool.outputSchema, tool.name).toBeDefined();
    }
    await expect(`${JSON.stringify(first.tools, null, 2)}\n`).toMatchFileSnapshot(
      `./golden/tools-list.${lane}.golden`,
    );
  });

  it('read-only mode lists only the read tools', async () => {
    const client = await connectHttpClient({
      url: readOnly.url,
      token: TEST_ADMIN_TOKEN,
      lane: '2026-07-28',
    });
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(READ_TOOLS);
    await client.close();
  });
});
