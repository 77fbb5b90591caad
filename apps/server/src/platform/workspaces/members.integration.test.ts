import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startPlatformServer, type As, type PlatformServer } from '../test/platform.harness';

let server: PlatformServer;
let ada: As & { userId: string };
let workspaceId: string;
let baseId: string;

async function member(email: string, role: string) {
  const invite = await server.call({
    method: 'POST',
    path: `/api/v1/workspaces/${workspaceId}/invitations`,
    as: ada,
    body: { email, role },
  });
  const session = await server.session(email);
  await server.call({
    method: 'POST',
    path: '/api/v1/invitations/accept',
    as: session,
    body: { token: invite.body.token },
  });
  return session;
}

beforeAll(async () => {
  server = await startPlatformServer({ TABLEPORT_RATE_LIMIT: '0' });
  ada = await server.session('ada@example.com');
  workspaceId = (
    await server.call({ method: 'POST', path: '/api/v1/workspaces', as: ada, body: { name: 'W' } })
  ).body.id;
  const base = await server.call({
    method: 'POST',
    path: '/v0/meta/bases',
    as: { bearer: ADMIN_TOKEN },
    body: {
      name: 'B',
      workspaceId,
      tables: [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }],
    },
  });
  baseId = base.body.id;
}, 120_000);
afterAll(() => server?.stop());

describe('members, invitations and base roles', () => {
  it('a creator invites up to creator, never owner', async () => {
    const cy = await member('cy@example.com', 'creator');
    const invite = (role: string) =>
      server.call({
        method: 'POST',
        path: `/api/v1/workspaces/${workspaceId}/invitations`,
        as: cy,
        body: { email: `x-${role}@example.com`, role },
      });
    expect((await invite('creator')).status).toBe(201);
    const owner = await invite('owner');
    expect(owner.status).toBe(403);
    expect(owner.body.error.message).toContain('above your own');
  });

  it('a workspace keeps its last owner', async () => {
    const demote = await server.call({
      method: 'PATCH',
      path: `/api/v1/workspaces/${workspaceId}/members/${ada.userId}`,
      as: ada,
      body: { role: 'editor' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('member.last_owner');
    const remove = await server.call({
      method: 'DELETE',
      path: `/api/v1/workspaces/${workspaceId}/members/${ada.userId}`,
      as: ada,
    });
    expect(remove.body.error.code).toBe('member.last_owner');
  });

  it('an invitation works once, for its email only, and not after revocation', async () => {
    const invite = await server.call({
      method: 'POST',
      path: `/api/v1/workspaces/${workspaceId}/invitations`,
      as: ada,
      body: { email: 'dee@example.com', role: 'read' },
    });
    const other = await member('eli@example.com', 'read');
    const wrong = await server.call({
      method: 'POST',
      path: '/api/v1/invitations/accept',
      as: other,
      body: { token: invite.body.token },
    });
    expect(wrong.body.error.code).toBe('invitation.email_mismatch');
    await server.call({
      method: 'DELETE',
      path: `/api/v1/workspaces/${workspaceId}/invitations/${invite.body.invitation.id}`,
      as: ada,
    });
    const dee = await server.session('dee@example.com').catch(() => null);
    expect(dee).toBeNull();
    const listed = await server.call({
      method: 'GET',
      path: `/api/v1/workspaces/${workspaceId}/invitations`,
      as: ada,
    });
    expect(listed.text).not.toContain(invite.body.token);
    expect(
      listed.body.invitations.find((entry: { id: string }) => entry.id === invite.body.invitation.id).status,
    ).toBe('revoked');
  });

  it('a base role opens that base only; removing the member removes it', async () => {
    const fay = await member('fay@example.com', 'read');
    const key = await server.call({
      method: 'POST',
      path: '/api/v1/keys',
      as: fay,
      body: { name: 'k', scopes: ['data.records:write', 'schema.bases:read'] },
    });
    const bearer = { bearer: key.body.token as string };
    const write = () =>
      server.call({
        method: 'POST',
        path: `/v0/${baseId}/Tasks`,
        as: bearer,
        body: { fields: { Name: 'x' } },
      });
    expect((await write()).status).toBe(403);
    await server.call({
      method: 'PUT',
      path: `/api/v1/bases/${baseId}/roles/${fay.userId}`,
      as: ada,
      body: { role: 'editor' },
    });
    expect((await write()).status).toBe(200);
    const grants = await server.call({ method: 'GET', path: `/api/v1/bases/${baseId}/roles`, as: ada });
    expect(grants.body.grants).toEqual([expect.objectContaining({ userId: fay.userId, role: 'editor' })]);
    const bases = await server.call({ method: 'GET', path: '/v0/meta/bases', as: bearer });
    expect(bases.body.bases.map((base: { id: string }) => base.id)).toEqual([baseId]);
    await server.call({
      method: 'DELETE',
      path: `/api/v1/workspaces/${workspaceId}/members/${fay.userId}`,
      as: ada,
    });
    expect((await write()).status).toBe(403);
    expect(
      (await server.call({ method: 'GET', path: `/api/v1/bases/${baseId}/roles`, as: ada })).body.grants,
    ).toEqual([]);
  });
});
