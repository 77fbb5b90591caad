import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANES, TEST_ADMIN_TOKEN, connectHttpClient, startMcpTestServer } from './testing/mcp.test-server';

type Server = Awaited<ReturnType<typeof startMcpTestServer>>;
const text = (result: { content?: unknown }) => (result.content as { type: string; text: string }[])[0]!.text;

describe.each(LANES)('MCP over Streamable HTTP, lane %s', (lane) => {
  let server: Server;
  let client: Client;
  beforeAll(async () => {
    server = await startMcpTestServer();
    client = await connectHttpClient({ url: server.url, token: TEST_ADMIN_TOKEN, lane });
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('negotiates the lane and identifies itself', () => {
    expect(client.getNegotiatedProtocolVersion()).toBe(lane);
    expect(client.getServerVersion()?.name).toBe('tableport');
    expect(client.getInstructions()).toContain('describe_table');
  });

  it('lists tools by name with annotations and both schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['fail', 'list_items', 'write_thing']);
    const write = tools.find((tool) => tool.name === 'write_thing')!;
    expect(write.annotations).toEqual({
      title: 'Write a thing',
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: false,
    });
    const list = tools.find((tool) => tool.name === 'list_items')!;
    expect(list.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    expect(list.inputSchema.required).toEqual(['base_id']);
    expect(list.outputSchema?.properties).toHaveProperty('nextCursor');
  });

  it('returns structuredContent and the compact text form', async () => {
    const result = await client.callTool({
      name: 'list_items',
      arguments: { base_id: 'appAAAAAAAAAAAAAA', count: 2, width: 3 },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      items: [
        { n: 0, text: 'xxx' },
        { n: 1, text: 'xxx' },
      ],
      hasMore: false,
    });
    expect(text(result)).toBe('0: xxx\n1: xxx');
  });

  it('answers bad arguments with an error the model can act on', async () => {
    const result = await client.callTool({
      name: 'list_items',
      arguments: { base_id: 42, count: -1, colour: 'red' },
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    const message = text(result);
    expect(message).toMatch(/^Error mcp\.invalid_arguments: Invalid arguments for list_items: /);
    expect(message).toContain('base_id: Invalid input: expected string, received number');
    expect(message).toContain('count: Too small');
    expect(message).toContain('Parameters: base_id (required), count, width, cursor.');
  });

  it('maps AppErrors and hides the internals of bugs', async () => {
    const notFound = await client.callTool({ name: 'fail', arguments: { how: 'not_found' } });
    expect(notFound.isError).toBe(true);
    expect(text(notFound)).toBe('Error request.not_found: No such thing: try list_items');
    const bug = await client.callTool({ name: 'fail', arguments: { how: 'bug' } });
    expect(text(bug)).toMatch(/^Error internal\.unexpected: Unexpected server error \(request [\w-]+\)/);
    expect(text(bug)).not.toContain('passwd');
  });

  it('cuts a list at the budget, says so and resumes from the cursor', async () => {
    const args = { base_id: 'appAAAAAAAAAAAAAA', count: 200, width: 500 };
    const first = await client.callTool({ name: 'list_items', arguments: args });
    const page = first.structuredContent as {
      items: { n: number }[];
      hasMore: boolean;
      nextCursor: string;
      truncated: { shown: number; of: number; message: string };
    };
    expect(page.hasMore).toBe(true);
    expect(page.truncated.of).toBe(200);
    expect(page.items.length).toBe(page.truncated.shown);
    expect(page.items.length).toBeGreaterThan(50);
    expect(page.truncated.message).toContain('nextCursor');
    expect(JSON.stringify(page).length).toBeLessThanOrEqual(50_000);
    const next = await client.callTool({
      name: 'list_items',
      arguments: { ...args, cursor: page.nextCursor },
    });
    expect((next.structuredContent as { items: { n: number }[] }).items[0]!.n).toBe(page.items.length);
    const wrong = await client.callTool({
      name: 'list_items',
      arguments: { ...args, width: 3, cursor: page.nextCursor },
    });
    expect(text(wrong)).toMatch(/^Error mcp\.invalid_cursor: /);
  });

  it('refuses a result that cannot be paged past the budget', async () => {
    const result = await client.callTool({ name: 'fail', arguments: { how: 'blob' } });
    expect(text(result)).toMatch(
      /^Error mcp\.result_too_large: The result of fail is \d+ bytes, over the budget of 50000/,
    );
  });

  it('serves prompts', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual([
      'analyze_table',
      'build_filter',
      'find_duplicates',
    ]);
    const prompt = await client.getPrompt({
      name: 'build_filter',
      arguments: { base_id: 'appX', table_id: 'Tasks', question: 'open tasks' },
    });
    expect(prompt.messages[0]!.content).toMatchObject({
      type: 'text',
      text: expect.stringContaining('"open tasks"'),
    });
  });

  it('serves resource templates, lists and reads them', async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates[0]!.uriTemplate).toBe('tableport://bases/{base_id}/schema');
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(['tableport://bases/appAAAAAAAAAAAAAA/schema']);
    const read = await client.readResource({ uri: 'tableport://bases/appBBBBBBBBBBBBBB/schema' });
    expect(read.contents[0]).toMatchObject({
      mimeType: 'application/json',
      text: '{"baseId":"appBBBBBBBBBBBBBB","tables":[]}',
    });
  });

  it('records an audit entry for every call', async () => {
    const before = server.audit.length;
    await client.callTool({ name: 'list_items', arguments: { base_id: 'appAAAAAAAAAAAAAA', count: 1 } });
    await client.callTool({ name: 'fail', arguments: { how: 'not_found' } });
    const [ok, failed] = server.audit.slice(before);
    expect(ok).toMatchObject({
      action: 'mcp.tool_called',
      outcome: 'success',
      actor: { kind: 'admin', id: 'admin', channel: 'mcp' },
      baseId: 'appAAAAAAAAAAAAAA',
      details: { tool: 'list_items', write: false },
    });
    expect(failed).toMatchObject({
      outcome: 'failure',
      details: { tool: 'fail', errorCode: 'request.not_found' },
    });
  });
});
