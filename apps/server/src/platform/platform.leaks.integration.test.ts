import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mcpStatus, protocolClient, type EndpointAnswer } from './oauth/test/oauth.protocol';
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
  | 'airtableToken'
  | 'oauthCode'
  | 'oauthAccess'
  | 'oauthRefresh'
  | 'oauthRotatedAccess'
  | 'oauthRotatedRefresh',
  string
>;
const responses: { route: string; text: string }[] = [];
// A whole Tableport bearer secret (key, invitation, OAuth access or refresh token, code), not a prefix.
const TOKEN_SHAPE = /tp[kiorc]_[A-Za-z0-9]{43}/;
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
  await oauthScenario((route, answer) =>
    responses.push({ route, text: answer.text + JSON.stringify([...answer.headers]) }),
  );
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

/**
 * An MCP client through OAuth: registers, Ada consents, it redeems the code and refreshes (those two
 * answers hand tokens to their owner and are not scanned), calls /mcp, then replays the spent refresh
 * token and the code (reuse detection revokes the grant), and revokes; `seen` gets every other answer.
 */
async function oauthScenario(seen: (route: string, answer: EndpointAnswer) => void): Promise<void> {
  const oauth = protocolClient(server);
  const clientId = await oauth.register();
  const { code, verifier } = await oauth.code({ clientId });
  secrets.oauthCode = code;
  const issued = await oauth.redeem({ clientId, code, verifier });
  secrets.oauthAccess = issued.body.access_token;
  secrets.oauthRefresh = issued.body.refresh_token;
  const rotated = await oauth.refresh({ clientId, refreshToken: secrets.oauthRefresh });
  secrets.oauthRotatedAccess = rotated.body.access_token;
  secrets.oauthRotatedRefresh = rotated.body.refresh_token;
  expect((await mcpStatus(server, secrets.oauthRotatedAccess)).status).toBe(200);
  seen(
    'POST /oauth/token (refresh reused)',
    await oauth.refresh({ clientId, refreshToken: secrets.oauthRefresh }),
  );
  const refused = await mcpStatus(server, secrets.oauthRotatedAccess);
  expect(refused.status).toBe(401);
  seen('POST /mcp (revoked token)', {
    status: refused.status,
    headers: new Headers(),
    text: JSON.stringify(refused),
    body: refused.body,
  });
  seen('POST /oauth/revoke', await oauth.revoke({ clientId, token: secrets.oauthRotatedRefresh }));
  seen('POST /oauth/token (code reused)', await oauth.redeem({ clientId, code, verifier }));
}

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

  it('no response carries anything shaped like a whole Tableport token (tpk_, tpi_, tpo_, tpr_, tpc_)', () => {
    expect(responses.filter(({ text }) => TOKEN_SHAPE.test(text)).map(({ route }) => route)).toEqual([]);
  });

  it('no log line carries one either', () => {
    const logs = server.logs.join('');
    expect(
      Object.entries(secrets)
        .filter(([, value]) => logs.includes(value))
        .map(([name]) => name),
    ).toEqual([]);
    expect(server.logs.filter((line) => TOKEN_SHAPE.test(line))).toEqual([]);
  });

  it('at rest, tokens are hashes and passwords argon2id', async () => {
    const db = server.app.context.db;
    const stored = JSON.stringify([
      (await db.query('SELECT * FROM api_keys')).rows,
      (await db.query('SELECT * FROM workspace_invitations')).rows,
      (await db.query('SELECT * FROM secrets')).rows,
      (await db.query('SELECT * FROM audit_log')).rows,
      (await db.query('SELECT * FROM oauth_codes')).rows,
      (await db.query('SELECT * FROM oauth_tokens')).rows,
      (await db.query('SELECT * FROM oauth_grants')).rows,
    ]);
    expect(stored).not.toMatch(TOKEN_SHAPE);
    for (const name of ['apiKey', 'invitation', 'airtableToken', 'password'] as const)
      expect(stored, name).not.toContain(secrets[name]);
    const password = await db.query<{ password: string }>('SELECT password FROM auth_accounts');
    expect(password.rows[0]!.password).toMatch(/^\$argon2id\$/);
  });
});
