import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptionsFor } from '../../mcp/testing/mcp.test-server';
import { ADMIN_TOKEN, startPlatformServer, type PlatformServer } from '../test/platform.harness';
import { consent } from './test/oauth.browserless';
import { TestOAuthProvider } from './test/oauth.test-provider';

let server: PlatformServer;
let baseId: string;
const admin = { bearer: ADMIN_TOKEN };

beforeAll(async () => {
  server = await startPlatformServer({ TABLEPORT_RATE_LIMIT: '0' });
  const ada = await server.session('ada@example.com');
  const workspaces = await server.call({ method: 'GET', path: '/api/v1/workspaces', as: ada });
  const base = await server.call({
    method: 'POST',
    path: '/v0/meta/bases',
    as: admin,
    body: {
      name: 'CRM',
      workspaceId: workspaces.body.workspaces[0].id,
      tables: [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }],
    },
  });
  baseId = base.body.id;
  await server.call({
    method: 'POST',
    path: `/v0/${baseId}/Tasks`,
    as: admin,
    body: { fields: { Name: 'Call Bob' } },
  });
});
afterAll(async () => {
  await server.stop();
});

/** Connects the official SDK client with OAuth; the first attempt sends it to the authorization URL. */
async function connectWithOAuth(provider: TestOAuthProvider): Promise<Client> {
  const url = new URL(`${server.url}/mcp`);
  const first = new Client({ name: 'oauth-test', version: '1.0.0' }, clientOptionsFor('2026-07-28'));
  const transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
  await expect(first.connect(transport)).rejects.toSatisfy((error) => UnauthorizedError.isInstance(error));
  const { redirect } = await consent(server, { authorizationUrl: provider.authorizationUrl! });
  await transport.finishAuth(redirect.searchParams);
  const client = new Client({ name: 'oauth-test', version: '1.0.0' }, clientOptionsFor('2026-07-28'));
  await client.connect(new StreamableHTTPClientTransport(url, { authProvider: provider }));
  return client;
}

describe('an MCP client connects through OAuth, with no key pasted (official SDK client)', () => {
  it('registers dynamically, signs in, consents, and lists and calls real tools', async () => {
    const provider = new TestOAuthProvider({ redirectUrl: 'http://127.0.0.1:53682/callback' });
    const client = await connectWithOAuth(provider);
    const asked = provider.authorizationUrl!.searchParams;
    expect(asked.get('resource')).toBe(`${server.url}/mcp`);
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(provider.saved.client?.client_id).toMatch(/^cli[A-Za-z0-9]{14}$/);
    expect(provider.saved.tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(provider.saved.tokens?.access_token).toMatch(/^tpo_/);
    expect(provider.saved.tokens?.refresh_token).toMatch(/^tpr_/);

    const tools = (await client.listTools()).tools.map((tool) => tool.name);
    expect(tools).toEqual(expect.arrayContaining(['list_bases', 'get_records', 'create_record']));
    const bases = await client.callTool({ name: 'list_bases', arguments: {} });
    expect(bases.isError).toBeFalsy();
    expect(JSON.stringify(bases.structuredContent)).toContain(baseId);
    const records = await client.callTool({
      name: 'get_records',
      arguments: { base_id: baseId, table_id: 'Tasks' },
    });
    expect(JSON.stringify(records.structuredContent)).toContain('Call Bob');
    await client.close();

    const audit = await server.call({ method: 'GET', path: '/api/v1/audit?action=oauth.*', as: admin });
    const actions = audit.body.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['oauth.client_registered', 'oauth.consent_granted', 'oauth.token_issued']),
    );
    const tool = await server.call({
      method: 'GET',
      path: '/api/v1/audit?action=mcp.tool_called',
      as: admin,
    });
    expect(tool.body.entries[0].actor).toMatchObject({ kind: 'oauth', channel: 'mcp' });
  });

  it('refreshes an expired access token by itself, rotating the refresh token', async () => {
    const provider = new TestOAuthProvider({ redirectUrl: 'http://127.0.0.1:53682/callback' });
    const client = await connectWithOAuth(provider);
    const before = provider.saved.tokens!;
    await server.app.context.db.query(
      `UPDATE oauth_tokens SET expires_at = now() - interval '1 second' WHERE kind = 'access'`,
    );
    const bases = await client.callTool({ name: 'list_bases', arguments: {} });
    expect(bases.isError).toBeFalsy();
    const after = provider.saved.tokens!;
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    await client.close();
  });
});
