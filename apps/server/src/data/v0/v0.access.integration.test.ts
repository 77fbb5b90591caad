/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../gateway/gateway.types';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
let allowed: string;
let other: string;

/** Test keys: `Bearer key-<scopes>` with a base allow-list of the first base. */
function testKeys(state: { allowed: () => string }) {
  return async (request: Request): Promise<Principal | null> => {
    const match = /^Bearer key-(.*)$/.exec(request.headers.get('authorization') ?? '');
    if (!match) return null;
    return { kind: 'api_key', id: 'keyTEST0000000000', userId: 'usrTESTUSER000000', scopes: match[1]!.split(','), baseIds: [state.allowed()] };
  };
}

beforeAll(async () => {
  const state = { allowed: () => allowed };
  server = await startV0Server({ extraModules: () => [{ name: 'keys', authenticators: () => [testKeys(state)] }] });
  const tables = [{ name: 'T', fields: [{ name: 'Name', type: 'singleLineText' }] }];
  allowed = (await server.createBase(tables, 'Allowed')).id;
  other = (await server.createBase(tables, 'Other')).id;
  await server.call('POST', `/v0/${allowed}/T`, { fields: { Name: 'x' } });
  // The key's user is an editor of the workspace both bases live in; the key's allow-list narrows it.
  const db = server.app.context.db;
  const workspace = await db.query<{ workspace_id: string }>('SELECT workspace_id FROM data_bases WHERE id = $1', [allowed]);
  await db.query("INSERT INTO users (id, name, email) VALUES ('usrTESTUSER000000', 'Tess', 'tess@example.com')");
  await db.query("INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, 'usrTESTUSER000000', 'editor')", [workspace.rows[0]!.workspace_id]);
});
afterAll(async () => server?.stop());

const as = (scopes: string, method: string, path: string, body?: unknown) =>
  server.call(method, path, body, { authorization: `Bearer key-${scopes}` });

describe('permissions through the Authorizer', () => {
  it('a key reads its base with data.records:read and gets 403 (as for a missing base) elsewhere', async () => {
    expect((await as('data.records:read', 'GET', `/v0/${allowed}/T`)).body.records).toHaveLength(1);
    const forbidden = await as('data.records:read', 'GET', `/v0/${other}/T`);
    const missing = await as('data.records:read', 'GET', '/v0/appAAAAAAAAAAAAAA/T');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual(missing.body);
  });

  it('missing scopes are 403 INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', async () => {
    const write = await as('data.records:read', 'POST', `/v0/${allowed}/T`, { fields: { Name: 'y' } });
    expect([write.status, write.body.error.type]).toEqual([403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND']);
    const schema = await as('data.records:read', 'GET', `/v0/meta/bases/${allowed}/tables`);
    expect(schema.status).toBe(403);
    const created = await as('data.records:read,data.records:write', 'POST', `/v0/${allowed}/T`, { fields: { Name: 'y' } });
    expect(created.status).toBe(200);
    expect(created.body.fields).toEqual({ Name: 'y' });
  });

  it('lists only visible bases; whoami answers the key’s user', async () => {
    const bases = await as('schema.bases:read', 'GET', '/v0/meta/bases');
    expect(bases.body.bases.map((base: Json) => base.id)).toEqual([allowed]);
    expect(bases.body.bases[0].permissionLevel).toBe('read');
    expect((await as('schema.bases:read', 'GET', '/v0/meta/whoami')).body).toEqual({ id: 'usrTESTUSER000000' });
    expect((await as('data.records:read', 'GET', '/v0/meta/bases')).status).toBe(403);
  });

  it('records written by a key carry its user in createdBy', async () => {
    await server.call('POST', `/v0/meta/bases/${allowed}/tables/T/fields`, { name: 'By', type: 'createdBy' });
    const created = await as('data.records:write', 'POST', `/v0/${allowed}/T`, { fields: { Name: 'z' } });
    expect(created.body.fields.By).toEqual({ id: 'usrTESTUSER000000' });
  });

  it('bodies over the limit are refused with 413 (by the gateway, before /v0)', async () => {
    const big = await server.call('POST', `/v0/${allowed}/T`, { fields: { Name: 'x'.repeat(3 * 1024 * 1024) } });
    expect(big.status).toBe(413);
  });
});
