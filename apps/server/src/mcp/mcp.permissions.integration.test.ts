import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startPlatformServer, type PlatformServer } from '../platform/test/platform.harness';
import { callError, callOk } from './testing/data-tools.fixture';
import { connectHttpClient } from './testing/mcp.test-server';

const TABLES = [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }];
let server: PlatformServer;
let bases: [string, string];
const keys: Record<string, string> = {};
const clients: Client[] = [];
const connect = async (token: string) => {
  const client = await connectHttpClient({ url: `${server.url}/mcp`, token, lane: '2026-07-28' });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startPlatformServer();
  const ada = await server.session('ada@example.com');
  const workspace = await server.call({
    method: 'POST',
    path: '/api/v1/workspaces',
    as: ada,
    body: { name: 'Ops' },
  });
  const create = (name: string) =>
    server.call({
      method: 'POST',
      path: '/v0/meta/bases',
      as: { bearer: ADMIN_TOKEN },
      body: { name, workspaceId: workspace.body.id, tables: TABLES },
    });
  bases = [(await create('One')).body.id, (await create('Two')).body.id];
  const key = async (name: string, scopes: string[], baseIds?: string[]) => {
    const response = await server.call({
      method: 'POST',
      path: '/api/v1/keys',
      as: ada,
      body: { name, scopes, ...(baseIds ? { baseIds } : {}) },
    });
    if (response.status !== 201) throw new Error(response.text);
    keys[name] = response.body.token as string;
  };
  await key('reader', ['data.records:read', 'schema.bases:read']);
  await key('writer', ['data.records:read', 'data.records:write', 'schema.bases:read']);
  await key('one-base', ['data.records:read', 'data.records:write', 'schema.bases:read'], [bases[0]]);
  await key('no-scope', ['user.email:read']);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server?.stop();
});

describe('MCP permissions with the platform Authorizer', () => {
  it('a read-only key sees no write tool and cannot call one', async () => {
    const client = await connect(keys.reader!);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain('get_records');
    expect(names).not.toContain('create_record');
    expect(names).not.toContain('undo_change');
    const refused = await client
      .callTool({
        name: 'create_record',
        arguments: { base_id: bases[0], table_id: 'Tasks', fields: { Name: 'x' } },
      })
      .then(
        (result) => JSON.stringify(result.content),
        (error: Error) => error.message,
      );
    expect(refused).toMatch(/create_record/);
    expect(refused).toMatch(/not found|disabled|unknown/i);
  });

  it('a key with records but not schema write sees record writes and no schema writes', async () => {
    const names = (await (await connect(keys.writer!)).listTools()).tools.map((tool) => tool.name);
    expect(names).toContain('batch_update_records');
    expect(names).not.toContain('create_table');
    expect(names).not.toContain('create_metadata_table');
  });

  it('a key limited to one base is refused on another, and the refusal is in the audit log', async () => {
    const client = await connect(keys['one-base']!);
    await callOk(client, 'create_record', { base_id: bases[0], table_id: 'Tasks', fields: { Name: 'ok' } });
    expect(await callError(client, 'get_records', { base_id: bases[1], table_id: 'Tasks' })).toMatch(
      /^Error auth\.forbidden: /,
    );
    const listed = await callOk(client, 'list_bases', {});
    expect(listed.bases.map((base: { id: string }) => base.id)).toEqual([bases[0]]);
    const audit = await server.app.context.db.query<{
      outcome: string;
      base_id: string;
      details: { tool: string; errorCode?: string };
    }>(`SELECT outcome, base_id, details FROM audit_log WHERE action = 'mcp.tool_called' ORDER BY seq`);
    expect(audit.rows.map((row) => [row.details.tool, row.outcome, row.details.errorCode ?? null])).toEqual(
      expect.arrayContaining([
        ['create_record', 'success', null],
        ['get_records', 'failure', 'auth.forbidden'],
      ]),
    );
  });

  it('a user key undoes its own change and lists only the schemas of its bases', async () => {
    const client = await connect(keys['one-base']!);
    const created = await callOk(client, 'create_record', {
      base_id: bases[0],
      table_id: 'Tasks',
      fields: { Name: 'undo me' },
    });
    const undone = await callOk(client, 'undo_change', { change_set_ids: created.changeSetIds });
    expect(undone.reverted[0].steps[0]).toMatchObject({ op: 'delete', recordId: created.records[0].id });
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual([`tableport://bases/${bases[0]}/schema`]);
    await expect(client.readResource({ uri: `tableport://bases/${bases[1]}/schema` })).rejects.toThrow(
      /not allowed on that base/,
    );
  });

  it('a key without the scope is told which scope it needs', async () => {
    const client = await connect(keys['no-scope']!);
    expect((await client.listTools()).tools.map((tool) => tool.name)).not.toContain('create_record');
    expect(await callError(client, 'get_records', { base_id: bases[0], table_id: 'Tasks' })).toMatch(
      /^Error auth\.forbidden: .*data\.records:read/,
    );
  });
});
