import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, PASSWORD, startPlatformServer, type PlatformServer } from './test/platform.harness';

// Every secret the platform handles, and every response and log line it produced: none may carry
// one, except the single response that hands a new token to its owner.

let server: PlatformServer;
const secrets = {} as Record<
  | 'password'
  | 'sessionToken'
  | 'adminToken'
  | 'secretKey'
  | 'wrongPassword'
  | 'apiKey'
  | 'invitation'
  | 'airtableToken',
  string
>;
const responses: { route: string; text: string }[] = [];
const TABLES = [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }];

beforeAll(async () => {
  server = await startPlatformServer({ TABLEPORT_RATE_LIMIT: '0' });
  const seen = async (
    input: Parameters<PlatformServer['call']>[0],
    options: { handsOutToken?: boolean } = {},
  ) => {
    const response = await server.call(input);
    if (!options.handsOutToken)
      responses.push({
        route: `${input.method} ${input.path}`,
        text: response.text + JSON.stringify([...response.headers].filter(([name]) => name !== 'set-cookie')),
      });
    return response;
  };
  const ada = await server.session('ada@example.com');
  secrets.password = PASSWORD;
  secrets.sessionToken = decodeURIComponent(ada.cookie.split('=')[1]!).split('.')[0]!;
  secrets.adminToken = ADMIN_TOKEN;
  secrets.secretKey = server.app.context.secretKey;
  secrets.wrongPassword = 'not the password 123';
  await seen({
    method: 'POST',
    path: '/api/auth/sign-in/email',
    as: null,
    body: { email: 'ada@example.com', password: secrets.wrongPassword },
  });
  await seen({
    method: 'POST',
    path: '/api/auth/sign-in/email',
    as: null,
    body: { email: 'ada@example.com', password: PASSWORD },
  });
  await seen({ method: 'GET', path: '/api/auth/get-session', as: ada });
  const workspace = await seen({ method: 'POST', path: '/api/v1/workspaces', as: ada, body: { name: 'W' } });
  const workspaceId = workspace.body.id as string;
  const key = await seen(
    {
      method: 'POST',
      path: '/api/v1/keys',
      as: ada,
      body: { name: 'k', scopes: ['data.records:read', 'data.records:write'] },
    },
    { handsOutToken: true },
  );
  secrets.apiKey = key.body.token;
  const invite = await seen(
    {
      method: 'POST',
      path: `/api/v1/workspaces/${workspaceId}/invitations`,
      as: ada,
      body: { email: 'bob@example.com', role: 'read' },
    },
    { handsOutToken: true },
  );
  secrets.invitation = invite.body.token;
  secrets.airtableToken = 'patLeakCheck01234.abcdef0123456789abcdef0123456789';
  await seen({
    method: 'POST',
    path: `/api/v1/workspaces/${workspaceId}/secrets`,
    as: ada,
    body: { kind: 'airtable_token', name: 'Airtable', value: secrets.airtableToken },
  });
  const base = await seen({
    method: 'POST',
    path: '/v0/meta/bases',
    as: { bearer: ADMIN_TOKEN },
    body: { name: 'B', workspaceId, tables: TABLES },
  });
  await seen({
    method: 'POST',
    path: `/v0/${base.body.id}/Tasks`,
    as: { bearer: secrets.apiKey },
    body: { fields: { Name: 'hello' } },
  });
  await seen({ method: 'GET', path: `/v0/${base.body.id}/Tasks`, as: { bearer: secrets.apiKey } });
  await seen({
    method: 'GET',
    path: `/v0/${base.body.id}/Tasks`,
    as: { bearer: `${secrets.apiKey.slice(0, -1)}X` },
  });
  for (const path of [
    '/api/v1/me',
    '/api/v1/keys',
    `/api/v1/workspaces/${workspaceId}/secrets`,
    `/api/v1/workspaces/${workspaceId}/invitations`,
    '/api/v1/audit?limit=500',
    '/api/openapi.json',
  ])
    await seen({ method: 'GET', path, as: path.startsWith('/api/v1/audit') ? { bearer: ADMIN_TOKEN } : ada });
  await seen({ method: 'GET', path: '/api/v1/keys', as: { bearer: ADMIN_TOKEN } });
  await seen({ method: 'POST', path: '/api/v1/secrets/rotate', as: { bearer: ADMIN_TOKEN } });
  await seen({ method: 'POST', path: '/api/auth/sign-out', as: ada, body: {} });
}, 120_000);
afterAll(() => server?.stop());

describe('no secret or token in responses or logs', () => {
  it('the scenario produced responses and logs to scan', () => {
    expect(responses.length).toBeGreaterThan(15);
    expect(server.logs.length).toBeGreaterThan(10);
  });

  it('no API response carries a password, token, key or secret value', () => {
    const leaks = responses.flatMap(({ route, text }) =>
      Object.entries(secrets)
        .filter(([, value]) => text.includes(value))
        .map(([name]) => `${name} in ${route}`),
    );
    expect(leaks).toEqual([]);
  });

  it('no log line carries one either', () => {
    const logs = server.logs.join('');
    expect(
      Object.entries(secrets)
        .filter(([, value]) => logs.includes(value))
        .map(([name]) => name),
    ).toEqual([]);
  });

  it('at rest, tokens are hashes and passwords argon2id', async () => {
    const db = server.app.context.db;
    const stored = JSON.stringify([
      (await db.query('SELECT * FROM api_keys')).rows,
      (await db.query('SELECT * FROM workspace_invitations')).rows,
      (await db.query('SELECT * FROM secrets')).rows,
      (await db.query('SELECT * FROM audit_log')).rows,
    ]);
    for (const name of ['apiKey', 'invitation', 'airtableToken', 'password'] as const)
      expect(stored, name).not.toContain(secrets[name]);
    const password = await db.query<{ password: string }>('SELECT password FROM auth_accounts');
    expect(password.rows[0]!.password).toMatch(/^\$argon2id\$/);
  });
});
