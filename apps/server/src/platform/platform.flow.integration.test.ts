import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startPlatformServer, type PlatformServer } from './test/platform.harness';

const running: PlatformServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

const TABLES = [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }];

describe('sign up, workspace, invitation, scoped key on /v0', () => {
  it('a new user signs up, creates a workspace, invites a member with a role, and a scoped key works on /v0 and is refused outside its scopes', async () => {
    const server = await startPlatformServer();
    running.push(server);
    expect(server.logs.join('')).toContain('no user yet');
    const ada = await server.session('ada@example.com');
    const me = await server.call({ method: 'GET', path: '/api/v1/me', as: ada });
    expect(me.body).toMatchObject({
      user: { email: 'ada@example.com' },
      instanceOwner: true,
      principal: { kind: 'session' },
    });

    const workspace = await server.call({
      method: 'POST',
      path: '/api/v1/workspaces',
      as: ada,
      body: { name: 'Ops' },
    });
    expect(workspace.status).toBe(201);
    expect(workspace.body).toMatchObject({ name: 'Ops', role: 'owner' });
    const workspaceId = workspace.body.id as string;

    // Invite-only sign-up: a stranger is refused, the invited email may join.
    const stranger = await server.call({
      method: 'POST',
      path: '/api/auth/sign-up/email',
      as: null,
      body: { email: 'eve@example.com', password: 'correct horse battery', name: 'Eve' },
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('auth.signup_closed');
    const invite = await server.call({
      method: 'POST',
      path: `/api/v1/workspaces/${workspaceId}/invitations`,
      as: ada,
      body: { email: 'bob@example.com', role: 'editor' },
    });
    expect(invite.status).toBe(201);
    const bob = await server.session('bob@example.com');
    const accepted = await server.call({
      method: 'POST',
      path: '/api/v1/invitations/accept',
      as: bob,
      body: { token: invite.body.token },
    });
    expect(accepted.body).toEqual({ workspaceId, role: 'editor' });
    const members = await server.call({
      method: 'GET',
      path: `/api/v1/workspaces/${workspaceId}/members`,
      as: bob,
    });
    expect(
      members.body.members.map((member: { email: string; role: string }) => [member.email, member.role]),
    ).toEqual([
      ['ada@example.com', 'owner'],
      ['bob@example.com', 'editor'],
    ]);

    // A base in the workspace, then a key that may read records of that base only.
    const base = await server.call({
      method: 'POST',
      path: '/v0/meta/bases',
      as: { bearer: ADMIN_TOKEN },
      body: { name: 'Tracker', workspaceId, tables: TABLES },
    });
    expect(base.status).toBe(200);
    const other = await server.call({
      method: 'POST',
      path: '/v0/meta/bases',
      as: { bearer: ADMIN_TOKEN },
      body: { name: 'Other', workspaceId, tables: TABLES },
    });
    const key = await server.call({
      method: 'POST',
      path: '/api/v1/keys',
      as: ada,
      body: { name: 'reader', scopes: ['data.records:read'], baseIds: [base.body.id] },
    });
    expect(key.status).toBe(201);
    const token = key.body.token as string;
    expect(token).toMatch(/^tpk_[A-Za-z0-9]{43}$/);
    const read = await server.call({
      method: 'GET',
      path: `/v0/${base.body.id}/Tasks`,
      as: { bearer: token },
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ records: [] });
    const write = await server.call({
      method: 'POST',
      path: `/v0/${base.body.id}/Tasks`,
      as: { bearer: token },
      body: { fields: { Name: 'x' } },
    });
    expect(write.status).toBe(403);
    expect(write.body.error.type).toBe('INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
    const elsewhere = await server.call({
      method: 'GET',
      path: `/v0/${other.body.id}/Tasks`,
      as: { bearer: token },
    });
    expect(elsewhere.status).toBe(403);

    // Listed without its token, with a last-used time; revoked, it stops working at once.
    const listed = await server.call({ method: 'GET', path: '/api/v1/keys', as: ada });
    expect(listed.text).not.toContain(token);
    expect(listed.body.keys[0].lastUsedAt).not.toBeNull();
    await server.call({ method: 'DELETE', path: `/api/v1/keys/${key.body.key.id}`, as: ada });
    const afterRevoke = await server.call({
      method: 'GET',
      path: `/v0/${base.body.id}/Tasks`,
      as: { bearer: token },
    });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body).toEqual({
      error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' },
    });

    // The platform API is in the OpenAPI document.
    const openapi = await server.call({ method: 'GET', path: '/api/openapi.json', as: null });
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/workspaces/{workspaceId}/members',
        '/keys',
        '/audit',
        '/workspaces/{workspaceId}/secrets',
      ]),
    );

    // The audit log tells the story, filtered by actor.
    const audit = await server.call({
      method: 'GET',
      path: `/api/v1/audit?workspaceId=${workspaceId}`,
      as: ada,
    });
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining([
        'workspace.created',
        'invitation.created',
        'invitation.accepted',
        'member.added',
      ]),
    );
  });
});
