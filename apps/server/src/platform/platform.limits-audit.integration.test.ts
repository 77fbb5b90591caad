import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startPlatformServer, type As, type PlatformServer } from './test/platform.harness';

let server: PlatformServer;
let ada: As & { userId: string };
let workspaceId: string;
let baseId: string;
const admin: As = { bearer: ADMIN_TOKEN };

beforeAll(async () => {
  server = await startPlatformServer();
  ada = await server.session('ada@example.com');
  workspaceId = (
    await server.call({ method: 'POST', path: '/api/v1/workspaces', as: ada, body: { name: 'W' } })
  ).body.id;
  const base = await server.call({
    method: 'POST',
    path: '/v0/meta/bases',
    as: admin,
    body: {
      name: 'B',
      workspaceId,
      tables: [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }],
    },
  });
  baseId = base.body.id;
}, 120_000);
afterAll(() => server?.stop());

const newKey = async (body: Record<string, unknown>) =>
  (await server.call({ method: 'POST', path: '/api/v1/keys', as: ada, body: { name: 'k', ...body } }))
    .body as { key: { id: string }; token: string };

describe('per-key and per-user rate limits', () => {
  it('a key over its own limit gets 429 with Retry-After, in the gateway shape on /api and Airtable’s on /v0', async () => {
    const { token } = await newKey({
      scopes: ['workspacesAndBases:read', 'data.records:read'],
      rateLimitPerSecond: 2,
    });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++)
      statuses.push(
        (await server.call({ method: 'GET', path: '/api/v1/workspaces', as: { bearer: token } })).status,
      );
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await server.call({ method: 'GET', path: '/api/v1/workspaces', as: { bearer: token } });
    expect(limited.body.error.code).toBe('rate_limit.exceeded');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const v0 = await server.call({ method: 'GET', path: `/v0/${baseId}/Tasks`, as: { bearer: token } });
    expect(v0.status).toBe(429);
    expect(v0.body.error.type).toBe('RATE_LIMIT_REACHED');
  });

  it('another key of the same user has its own budget; the admin token is not limited', async () => {
    const { token } = await newKey({ scopes: ['workspacesAndBases:read'], rateLimitPerSecond: 2 });
    expect(
      (await server.call({ method: 'GET', path: '/api/v1/workspaces', as: { bearer: token } })).status,
    ).toBe(200);
    for (let index = 0; index < 60; index++)
      expect((await server.call({ method: 'GET', path: '/api/v1/workspaces', as: admin })).status).toBe(200);
  });
});

describe('audit log', () => {
  it('records data changes with their channel and actor, and filters by actor, base, action and time, paged', async () => {
    const { key, token } = await newKey({ scopes: ['data.records:write', 'data.records:read'] });
    const from = new Date().toISOString();
    for (const name of ['a', 'b', 'c'])
      expect(
        (
          await server.call({
            method: 'POST',
            path: `/v0/${baseId}/Tasks`,
            as: { bearer: token },
            body: { fields: { Name: name } },
          })
        ).status,
      ).toBe(200);
    const query = (params: string) =>
      server.call({ method: 'GET', path: `/api/v1/audit?${params}`, as: ada });
    const deadline = Date.now() + 5000;
    let page = await query(`baseId=${baseId}&action=record.*`);
    while (page.body.entries.length < 3 && Date.now() < deadline)
      page = await query(`baseId=${baseId}&action=record.*`);
    expect(page.body.entries).toHaveLength(3);
    expect(page.body.entries[0]).toMatchObject({
      action: 'record.created',
      baseId,
      workspaceId,
      actor: { kind: 'api_key', id: key.id, userId: ada.userId, channel: 'v0' },
    });
    const byKey = await query(`actorId=${key.id}&limit=2`);
    expect(byKey.body.entries).toHaveLength(2);
    const next = await query(`actorId=${key.id}&limit=2&cursor=${byKey.body.nextCursor}`);
    // The key made three changes; creating it was its user's (session) act.
    expect(next.body.entries.map((entry: { action: string }) => entry.action)).toEqual(['record.created']);
    expect(next.body.nextCursor).toBeNull();
    const byUser = await query(`actorId=${ada.userId}&action=key.created`);
    expect(byUser.body.entries.length).toBeGreaterThanOrEqual(3);
    expect(
      (await query(`baseId=${baseId}&action=record.*&from=${encodeURIComponent(from)}`)).body.entries,
    ).toHaveLength(3);
    expect(
      (await query(`baseId=${baseId}&action=record.*&to=${encodeURIComponent(from)}`)).body.entries,
    ).toHaveLength(0);
  });

  it('only owners of the workspace, the instance owner or the admin token read it', async () => {
    const invite = await server.call({
      method: 'POST',
      path: `/api/v1/workspaces/${workspaceId}/invitations`,
      as: ada,
      body: { email: 'ed@example.com', role: 'editor' },
    });
    const ed = await server.session('ed@example.com');
    await server.call({
      method: 'POST',
      path: '/api/v1/invitations/accept',
      as: ed,
      body: { token: invite.body.token },
    });
    expect(
      (await server.call({ method: 'GET', path: `/api/v1/audit?workspaceId=${workspaceId}`, as: ed })).status,
    ).toBe(403);
    expect((await server.call({ method: 'GET', path: '/api/v1/audit', as: ed })).status).toBe(403);
    expect(
      (await server.call({ method: 'GET', path: `/api/v1/audit?actorId=${ed.userId}`, as: ed })).status,
    ).toBe(200);
    expect((await server.call({ method: 'GET', path: '/api/v1/audit', as: admin })).status).toBe(200);
  });
});
