import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testRedisPrefix, usesPostgres } from '../../test/harness';
import { connectStdioClient } from './testing/stdio.client';
import { LANES, TEST_ADMIN_TOKEN, startMcpTestServer } from './testing/mcp.test-server';

type Server = Awaited<ReturnType<typeof startMcpTestServer>>;

describe.each(LANES)('tableport mcp over stdio, lane %s', (lane) => {
  let server: Server;
  beforeAll(async () => {
    server = await startMcpTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('relays to TABLEPORT_URL with the API key', async () => {
    const origin = new URL(server.url).origin;
    const client = await connectStdioClient({
      lane,
      env: { TABLEPORT_URL: origin, TABLEPORT_API_KEY: 'key-read' },
    });
    expect(client.getNegotiatedProtocolVersion()).toBe(lane);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['fail', 'list_items']);
    const result = await client.callTool({
      name: 'list_items',
      arguments: { base_id: 'appAAAAAAAAAAAAAA', count: 1, width: 2 },
    });
    expect(result.structuredContent).toEqual({ items: [{ n: 0, text: 'xx' }], hasMore: false });
    const bad = await client.callTool({ name: 'list_items', arguments: {} });
    expect(bad.isError).toBe(true);
    expect((await client.listPrompts()).prompts).toHaveLength(3);
    await client.close();
    expect(server.audit.at(-1)?.actor).toMatchObject({ kind: 'api_key', id: 'keyRead', channel: 'mcp' });
  });
});

// Mode resolution does not depend on the lane, so one lane is enough (every spawn costs seconds);
// the refused key shows per handshake (2025-06-18 and 2025-11-25 share the initialize handshake).
describe('tableport mcp over stdio, relay modes', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startMcpTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  const lane = '2025-11-25' as const;

  it('relays to the server that holds the data dir, found through its lock file', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-mcp-lock-'));
    const lock = { pid: process.pid, url: new URL(server.url).origin, startedAt: new Date().toISOString() };
    writeFileSync(path.join(dataDir, 'tableport.lock'), JSON.stringify(lock));
    const client = await connectStdioClient({
      lane,
      env: { TABLEPORT_DATA_DIR: dataDir, TABLEPORT_ADMIN_TOKEN: TEST_ADMIN_TOKEN },
    });
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual([
      'fail',
      'list_items',
      'write_thing',
    ]);
    await client.close();
  });

  it.each(['2026-07-28', '2025-11-25'] as const)(
    'answers with an error the client can show when the key is refused, lane %s',
    async (lane) => {
      const origin = new URL(server.url).origin;
      const client = connectStdioClient({ lane, env: { TABLEPORT_URL: origin, TABLEPORT_API_KEY: 'wrong' } });
      const error = await client.then(
        () => new Error('connected'),
        (failure: unknown) => failure as Error,
      );
      // The 2025 handshake shows the relay's error; the SDK's pinned discover probe reports its own.
      const expected =
        lane === '2026-07-28'
          ? /did not offer pinned protocol version/
          : /refused the credentials \(401\): set TABLEPORT_API_KEY/;
      expect(error.message).toMatch(expected);
    },
  );
});

describe('tableport mcp over stdio with the embedded store', () => {
  it('serves the data dir itself when no server holds it', async () => {
    const db = await createTestDatabase();
    await db.close();
    const env: Record<string, string> = {
      TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-mcp-embedded-')),
      ...(db.url ? { DATABASE_URL: db.url, TABLEPORT_SECRET_KEY: 'ab'.repeat(32) } : {}),
      ...(usesPostgres() && process.env.REDIS_URL
        ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: testRedisPrefix() }
        : {}),
    };
    // Each connection boots Tableport (twice on 2026-07-28: the SDK probes on a sibling process), so
    // one lane per protocol era: the 2026 lane and the 2025 initialize lane.
    for (const lane of ['2026-07-28', '2025-06-18'] as const) {
      const client = await connectStdioClient({ lane, env });
      expect(client.getNegotiatedProtocolVersion()).toBe(lane);
      expect((await client.listPrompts()).prompts.map((prompt) => prompt.name)).toContain('analyze_table');
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('get_records');
      await client.close();
    }
  }, 400_000);
});
