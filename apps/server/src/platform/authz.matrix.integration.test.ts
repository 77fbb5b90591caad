import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../gateway/gateway.types';
import { ACTIONS, SCOPES, type Action } from './authz/authz.types';
import { createPlatform } from './platform.factory';
import { MATRIX_CHANNELS } from './test/authz.channels';
import { mcpChannel } from './test/authz.mcp-channel';
import { expected, outcome, SUBJECTS, type MatrixSubject, type ProbeWorld } from './test/authz.matrix';
import { ADMIN_TOKEN, startPlatformServer, type As, type PlatformServer } from './test/platform.harness';

// Every role × every action × every channel: the HTTP API (/api/v1 with a session), /v0 and /mcp
// (with a full-scope key) and the authorizer itself, which is how the data service and the chat's
// tools (when the chat lands) reach it. Channels list the actions they expose; the authorizer row
// covers all of them.

interface Subject {
  userId: string;
  session: As;
  key: As;
}

let server: PlatformServer;
let world: ProbeWorld;
let root: { cookie: string; userId: string };
const subjects = new Map<MatrixSubject, Subject>();
const admin: As = { bearer: ADMIN_TOKEN };
let counter = 0;

async function join(workspaceId: string, email: string, role: string) {
  const invite = await server.call({
    method: 'POST',
    path: `/api/v1/workspaces/${workspaceId}/invitations`,
    as: root,
    body: { email, role },
  });
  const session = await server.session(email);
  const accepted = await server.call({
    method: 'POST',
    path: '/api/v1/invitations/accept',
    as: session,
    body: { token: invite.body.token },
  });
  expect(accepted.status).toBe(200);
  return session;
}

beforeAll(async () => {
  server = await startPlatformServer({ TABLEPORT_RATE_LIMIT: '0' });
  root = await server.session('root@example.com');
  const workspace = await server.call({
    method: 'POST',
    path: '/api/v1/workspaces',
    as: root,
    body: { name: 'Matrix' },
  });
  const elsewhere = await server.call({
    method: 'POST',
    path: '/api/v1/workspaces',
    as: root,
    body: { name: 'Elsewhere' },
  });
  const base = await server.call({
    method: 'POST',
    path: '/v0/meta/bases',
    as: admin,
    body: {
      name: 'Matrix base',
      workspaceId: workspace.body.id,
      tables: [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }],
    },
  });
  const record = await server.call({
    method: 'POST',
    path: `/v0/${base.body.id}/Tasks`,
    as: admin,
    body: { fields: { Name: 'r' } },
  });
  const target = await join(workspace.body.id, 'target@example.com', 'read');
  world = {
    server,
    workspaceId: workspace.body.id,
    baseId: base.body.id,
    recordId: record.body.id as string,
    targetUserId: target.userId,
    unique: () => `m${++counter}x${Date.now()}`,
  };
  for (const subject of SUBJECTS) {
    const email = `${subject.replace(':', '-')}@example.com`;
    const inWorkspace = subject !== 'none' && subject !== 'base:editor';
    const session = await join(
      inWorkspace ? world.workspaceId : elsewhere.body.id,
      email,
      inWorkspace ? subject : 'read',
    );
    if (subject === 'base:editor') {
      const granted = await server.call({
        method: 'PUT',
        path: `/api/v1/bases/${world.baseId}/roles/${session.userId}`,
        as: root,
        body: { role: 'editor' },
      });
      expect(granted.status).toBe(204);
    }
    const key = await server.call({
      method: 'POST',
      path: '/api/v1/keys',
      as: session,
      body: { name: 'all', scopes: SCOPES },
    });
    subjects.set(subject, { userId: session.userId, session, key: { bearer: key.body.token as string } });
  }
}, 180_000);
afterAll(async () => {
  await mcpChannel.close();
  await server?.stop();
});

describe('authorization matrix', () => {
  for (const channel of MATRIX_CHANNELS) {
    it(`${channel.name}: every role against every action it exposes`, async () => {
      const mismatches: string[] = [];
      for (const [action, probe] of Object.entries(channel.probes) as [
        Action,
        NonNullable<(typeof channel.probes)[Action]>,
      ][]) {
        for (const subject of SUBJECTS) {
          const who = subjects.get(subject)!;
          const allowed = outcome(
            await probe(world, channel.credential === 'session' ? who.session : who.key),
          );
          if (allowed !== expected(subject, action))
            mismatches.push(`${subject} ${action}: ${allowed ? 'allowed' : 'refused'}`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 120_000);
  }

  it('authorizer: every role against every action (the path of the data service, MCP and chat tools)', async () => {
    const platform = createPlatform({
      db: server.app.context.db,
      config: server.app.context.config,
      secretKey: server.app.context.secretKey,
      logger: server.app.context.logger,
      bases: {
        workspaceOf: async (baseId) => (baseId === world.baseId ? world.workspaceId : null),
        baseIdsIn: async (ids) => (ids.includes(world.workspaceId) ? [world.baseId] : []),
      },
    });
    const mismatches: string[] = [];
    for (const action of Object.keys(ACTIONS) as Action[]) {
      for (const subject of SUBJECTS) {
        const principal: Principal = {
          kind: 'session',
          id: 'ses',
          userId: subjects.get(subject)!.userId,
          scopes: 'all',
        };
        const allowed = await platform.authorizer.can(principal, action, {
          workspaceId: world.workspaceId,
          baseId: world.baseId,
        });
        if (allowed !== expected(subject, action))
          mismatches.push(`${subject} ${action}: ${allowed ? 'allowed' : 'refused'}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The instance owner and the admin token manage the instance; keys never do (no scope grants it).
    const owner: Principal = { kind: 'session', id: 'ses', userId: root.userId, scopes: 'all' };
    expect(await platform.authorizer.can(owner, 'instance.manage')).toBe(true);
    expect(
      await platform.authorizer.can({ ...owner, kind: 'api_key', scopes: SCOPES }, 'instance.manage'),
    ).toBe(false);
    expect(
      await platform.authorizer.can(
        { kind: 'admin', id: 'admin', userId: null, scopes: 'all' },
        'instance.manage',
      ),
    ).toBe(true);
  });

  it('a key needs the scope of each action, whatever its role', async () => {
    const platform = createPlatform({
      ...server.app.context,
      bases: { workspaceOf: async () => world.workspaceId, baseIdsIn: async () => [world.baseId] },
    });
    const ownerId = subjects.get('owner')!.userId;
    for (const [action, spec] of Object.entries(ACTIONS) as [Action, (typeof ACTIONS)[Action]][]) {
      if (!spec.scope) continue;
      const principal: Principal = {
        kind: 'api_key',
        id: 'key',
        userId: ownerId,
        scopes: SCOPES.filter((scope) => scope !== spec.scope),
      };
      expect(
        await platform.authorizer.can(principal, action, {
          workspaceId: world.workspaceId,
          baseId: world.baseId,
        }),
        action,
      ).toBe(false);
      expect(
        await platform.authorizer.can({ ...principal, scopes: [spec.scope] }, action, {
          workspaceId: world.workspaceId,
          baseId: world.baseId,
        }),
        action,
      ).toBe(true);
    }
  });
});
