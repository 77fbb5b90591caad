import { afterEach, describe, expect, it } from 'vitest';
import { LANES, TEST_ADMIN_TOKEN, connectHttpClient, startMcpTestServer } from './testing/mcp.test-server';

type Server = Awaited<ReturnType<typeof startMcpTestServer>>;
const servers: Server[] = [];
const start = async (env?: Record<string, string>) => {
  const server = await startMcpTestServer({ env });
  servers.push(server);
  return server;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

const initialize = (origin?: string, token = TEST_ADMIN_TOKEN) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    authorization: `Bearer ${token}`,
    ...(origin ? { origin } : {}),
  },
  body: JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
  }),
});
const toolNames = async (url: string, token: string, lane: (typeof LANES)[number]) => {
  const client = await connectHttpClient({ url, token, lane });
  const { tools } = await client.listTools();
  await client.close();
  return tools.map((tool) => tool.name);
};

describe('MCP authentication', () => {
  it('answers 401 with a challenge pointing at the protected resource metadata', async () => {
    const server = await start();
    const response = await fetch(server.url, {
      ...initialize(),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(401);
    const origin = new URL(server.url).origin;
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`,
    );
    expect(await response.json()).toMatchObject({ error: { code: 'auth.required' } });
    const metadata = await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`);
    expect(metadata.status).toBe(200);
    expect(await metadata.json()).toMatchObject({
      resource: `${origin}/mcp`,
      bearer_methods_supported: ['header'],
      scopes_supported: expect.arrayContaining(['data.records:read', 'schema.bases:write']),
    });
  });

  it('uses TABLEPORT_URL as the resource identifier', async () => {
    const server = await start({ TABLEPORT_URL: 'https://tables.example.com/' });
    const response = await fetch(server.url, { method: 'POST' });
    expect(response.headers.get('www-authenticate')).toContain(
      '"https://tables.example.com/.well-known/oauth-protected-resource/mcp"',
    );
    const metadata = await fetch(`${new URL(server.url).origin}/.well-known/oauth-protected-resource/mcp`);
    expect(((await metadata.json()) as { resource: string }).resource).toBe('https://tables.example.com/mcp');
  });
});

describe('MCP Origin validation', () => {
  it('refuses foreign browser origins with 403 and lets localhost, configured origins and non-browsers in', async () => {
    const server = await start({ TABLEPORT_MCP_ALLOWED_ORIGINS: 'https://app.example.org' });
    const evil = await fetch(server.url, initialize('http://evil.example.com'));
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: { data: { code: 'auth.origin_forbidden' } } });
    expect((await fetch(server.url, initialize('null'))).status).toBe(403);
    for (const origin of [
      'http://localhost:5173',
      'http://127.0.0.1:9',
      'https://app.example.org',
      undefined,
    ]) {
      const response = await fetch(server.url, initialize(origin));
      expect(response.status, String(origin)).toBe(200);
      await response.body?.cancel();
    }
  });

  it('answers a CORS preflight from an allowed origin', async () => {
    const server = await start();
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('mcp-protocol-version');
  });
});

describe.each(LANES)('MCP write safety and permissions, lane %s', (lane) => {
  it('hides write tools in read-only mode, even from the admin token', async () => {
    const server = await start({ TABLEPORT_MCP_READ_ONLY: 'true' });
    expect(await toolNames(server.url, TEST_ADMIN_TOKEN, lane)).toEqual(['fail', 'list_items']);
  });

  it('hides write tools from a key without the write scope and shows them with it', async () => {
    const server = await start();
    expect(await toolNames(server.url, 'key-read', lane)).toEqual(['fail', 'list_items']);
    expect(await toolNames(server.url, 'key-write', lane)).toEqual(['fail', 'list_items', 'write_thing']);
  });

  it('refuses a call outside the key’s bases as an isError result and audits the refusal', async () => {
    const server = await start();
    const client = await connectHttpClient({ url: server.url, token: 'key-one-base', lane });
    const result = await client.callTool({ name: 'list_items', arguments: { base_id: 'appBBBBBBBBBBBBBB' } });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toBe(
      'Error auth.forbidden: This key is not allowed on that base',
    );
    const allowed = await client.callTool({
      name: 'list_items',
      arguments: { base_id: 'appAAAAAAAAAAAAAA', count: 1 },
    });
    expect(allowed.isError).toBeFalsy();
    await client.close();
    expect(server.audit.map((entry) => [entry.outcome, entry.details.errorCode])).toEqual([
      ['failure', 'auth.forbidden'],
      ['success', undefined],
    ]);
    expect(server.audit[0]!.actor).toMatchObject({ kind: 'api_key', id: 'keyOneBase', userId: 'usrWriter' });
  });

  it('refuses a resource read without the scope', async () => {
    const server = await start();
    const client = await connectHttpClient({ url: server.url, token: 'key-one-base', lane });
    await expect(client.readResource({ uri: 'tableport://bases/appAAAAAAAAAAAAAA/schema' })).rejects.toThrow(
      /needs the scope schema\.bases:read/,
    );
    await client.close();
  });
});
