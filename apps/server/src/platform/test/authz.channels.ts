import type { MatrixChannel, ProbeWorld } from './authz.matrix';
import { mcpChannel } from './authz.mcp-channel';
import type { As } from './platform.harness';

const call = (world: ProbeWorld, as: As, method: string, path: string, body?: unknown) =>
  world.server.call({ method, path, as, body });
const TABLE = (name: string) => ({ name, fields: [{ name: 'Name', type: 'singleLineText' }] });

/** `/api/v1` with a session cookie: the platform's own routes. */
export const apiChannel: MatrixChannel = {
  name: 'api',
  credential: 'session',
  probes: {
    'workspace.list': (w, as) => call(w, as, 'GET', '/api/v1/workspaces'),
    'workspace.create': (w, as) => call(w, as, 'POST', '/api/v1/workspaces', { name: w.unique() }),
    'workspace.read': (w, as) => call(w, as, 'GET', `/api/v1/workspaces/${w.workspaceId}`),
    'workspace.manage': (w, as) =>
      call(w, as, 'PATCH', `/api/v1/workspaces/${w.workspaceId}`, { name: 'Matrix' }),
    'members.read': (w, as) => call(w, as, 'GET', `/api/v1/workspaces/${w.workspaceId}/members`),
    'members.invite': (w, as) =>
      call(w, as, 'POST', `/api/v1/workspaces/${w.workspaceId}/invitations`, {
        email: `${w.unique()}@example.com`,
        role: 'read',
      }),
    'members.manage': (w, as) =>
      call(w, as, 'PATCH', `/api/v1/workspaces/${w.workspaceId}/members/${w.targetUserId}`, { role: 'read' }),
    'base.share': (w, as) =>
      call(w, as, 'PUT', `/api/v1/bases/${w.baseId}/roles/${w.targetUserId}`, { role: 'read' }),
    'audit.read': (w, as) => call(w, as, 'GET', `/api/v1/audit?workspaceId=${w.workspaceId}&limit=5`),
    'secrets.read': (w, as) => call(w, as, 'GET', `/api/v1/workspaces/${w.workspaceId}/secrets`),
    'secrets.manage': (w, as) =>
      call(w, as, 'POST', `/api/v1/workspaces/${w.workspaceId}/secrets`, {
        kind: 'other',
        name: w.unique(),
        value: 'v',
      }),
    'keys.manage': (w, as) => call(w, as, 'GET', '/api/v1/keys'),
    'instance.manage': (w, as) => call(w, as, 'GET', '/api/v1/users'),
  },
};

/** `/v0` (Airtable's API) with a key that has every scope: the role alone decides. */
export const v0Channel: MatrixChannel = {
  name: 'v0',
  credential: 'key',
  probes: {
    'base.list': (w, as) => call(w, as, 'GET', '/v0/meta/bases'),
    'base.create': (w, as) =>
      call(w, as, 'POST', '/v0/meta/bases', {
        name: w.unique(),
        workspaceId: w.workspaceId,
        tables: [TABLE('T')],
      }),
    'schema.read': (w, as) => call(w, as, 'GET', `/v0/meta/bases/${w.baseId}/tables`),
    'schema.write': (w, as) => call(w, as, 'POST', `/v0/meta/bases/${w.baseId}/tables`, TABLE(w.unique())),
    'records.read': (w, as) => call(w, as, 'GET', `/v0/${w.baseId}/Tasks`),
    'records.write': (w, as) => call(w, as, 'POST', `/v0/${w.baseId}/Tasks`, { fields: { Name: 'x' } }),
    'comments.read': (w, as) => call(w, as, 'GET', `/v0/${w.baseId}/Tasks/${w.recordId}/comments`),
    'comments.write': (w, as) =>
      call(w, as, 'POST', `/v0/${w.baseId}/Tasks/${w.recordId}/comments`, { text: 'hi' }),
    'webhooks.manage': (w, as) => call(w, as, 'GET', `/v0/bases/${w.baseId}/webhooks`),
  },
};

/** Every channel the matrix covers today; the chat adds its tools here when it lands. */
export const MATRIX_CHANNELS: readonly MatrixChannel[] = [apiChannel, v0Channel, mcpChannel];
