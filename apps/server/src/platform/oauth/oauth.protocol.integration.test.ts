import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startPlatformServer, type Json, type PlatformServer } from '../test/platform.harness';
import { hashToken } from '../tokens';
import { REDIRECT, authorizationUrl, mcpStatus, pkce, protocolClient, send } from './test/oauth.protocol';

// The authorization server on the wire, error by error (RFC 6749 §4.1.2.1 and §5.2, RFC 7636,
// RFC 8707, RFC 7009, RFC 7591). Each group has its own server: the token endpoint's per-address
// limits (60 a minute, lockout after 20 refused grants) are part of what is tested, so one group's
// refusals must not spend another's allowance.

/** A server with Ada signed up, a protocol client and one registered client, for one describe block. */
function serverForGroup() {
  const group = {} as {
    server: PlatformServer;
    oauth: ReturnType<typeof protocolClient>;
    clientId: string;
  };
  beforeAll(async () => {
    group.server = await startPlatformServer({ TABLEPORT_RATE_LIMIT: '0' });
    await group.server.session('ada@example.com');
    group.oauth = protocolClient(group.server);
    group.clientId = await group.oauth.register();
  });
  afterAll(() => group.server?.stop());
  return group;
}

/** An RFC 6749 §5.2 error answer: the status, the `error`, never cached. */
function expectOAuthError(
  answer: { status: number; body: Json; headers: Headers },
  status: number,
  error: string,
) {
  expect({ status: answer.status, error: answer.body?.error }).toEqual({ status, error });
  expect(answer.body.error_description).toEqual(expect.any(String));
  expect(answer.headers.get('cache-control')).toBe('no-store');
}

/** The `/mcp` challenge for a token that is unknown, expired, revoked or for another resource. */
const invalidTokenChallenge = (origin: string) =>
  `Bearer error="invalid_token", resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`;

describe('authorization code grant (RFC 6749 §4.1 with PKCE S256)', () => {
  const group = serverForGroup();

  it('a wrong PKCE verifier is invalid_grant, and the attempt spends the code', async () => {
    const { oauth, clientId } = group;
    const { code, verifier } = await oauth.code({ clientId });
    expectOAuthError(await oauth.redeem({ clientId, code, verifier: pkce().verifier }), 400, 'invalid_grant');
    expectOAuthError(await oauth.redeem({ clientId, code, verifier }), 400, 'invalid_grant');
  });

  it('a code used twice is invalid_grant, and the tokens of its first use are revoked', async () => {
    const { server, oauth, clientId } = group;
    const grant = await oauth.code({ clientId });
    const first = await oauth.redeem({ clientId, ...grant });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await mcpStatus(server, first.body.access_token)).status).toBe(200);

    expectOAuthError(await oauth.redeem({ clientId, ...grant }), 400, 'invalid_grant');
    expect(await mcpStatus(server, first.body.access_token)).toMatchObject({
      status: 401,
      challenge: invalidTokenChallenge(server.url),
    });
    const refreshed = await oauth.refresh({ clientId, refreshToken: first.body.refresh_token });
    expectOAuthError(refreshed, 400, 'invalid_grant');
  });

  it.each([
    ['another path', 'http://127.0.0.1:53682/other'],
    ['another loopback port', 'http://127.0.0.1:53683/callback'],
    ['no redirect_uri at all', ''],
  ])('a redirect_uri other than the authorization request’s (%s) is invalid_grant', async (_name, uri) => {
    const { oauth, clientId } = group;
    const grant = await oauth.code({ clientId });
    expectOAuthError(await oauth.redeem({ clientId, ...grant }, { redirect_uri: uri }), 400, 'invalid_grant');
  });

  it('an expired code is invalid_grant', async () => {
    const { server, oauth, clientId } = group;
    const grant = await oauth.code({ clientId });
    // Codes live 120 s; the test moves this one's expiry into the past instead of waiting.
    await server.app.context.db.query(
      `UPDATE oauth_codes SET expires_at = now() - interval '1 second' WHERE code_hash = $1`,
      [hashToken(grant.code)],
    );
    expectOAuthError(await oauth.redeem({ clientId, ...grant }), 400, 'invalid_grant');
  });

  it('a code issued to another client is invalid_grant', async () => {
    const { oauth, clientId } = group;
    const other = await oauth.register({ client_name: 'Other client' });
    const grant = await oauth.code({ clientId });
    expectOAuthError(await oauth.redeem({ clientId: other, ...grant }), 400, 'invalid_grant');
  });

  it('a loopback redirect URI may use another port (RFC 8252 §7.3), bound through to the token request', async () => {
    const { oauth, clientId } = group;
    const { verifier, challenge } = pkce();
    const redirectUri = 'http://127.0.0.1:40111/callback';
    const redirect = await oauth.authorize({ clientId, challenge, extra: { redirect_uri: redirectUri } });
    expect(`${redirect.origin}${redirect.pathname}`).toBe(redirectUri);
    const code = redirect.searchParams.get('code')!;
    expect((await oauth.redeem({ clientId, code, verifier }, { redirect_uri: redirectUri })).status).toBe(
      200,
    );
  });

  it.each([
    ['the plain method', { code_challenge_method: 'plain' }],
    [
      'the plain method with a verifier as challenge',
      { code_challenge_method: 'plain', code_challenge: 'v'.repeat(64) },
    ],
    ['no method (RFC 7636 would default to plain)', { code_challenge_method: '' }],
    ['no challenge', { code_challenge: '', code_challenge_method: '' }],
  ])('refuses %s at /oauth/authorize: invalid_request sent back with state and iss', async (_name, extra) => {
    const { server, oauth, clientId } = group;
    const page = await oauth.open(authorizationUrl(server, { clientId, challenge: pkce().challenge, extra }));
    expect(page.status).toBe(302);
    const location = new URL(page.location!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      error: 'invalid_request',
      state: 'st4te',
      iss: server.url,
    });
    expect(location.searchParams.has('code')).toBe(false);
  });

  it.each([
    ['another resource', { resource: 'https://other.example/mcp' }, 'invalid_target'],
    ['no resource', { resource: '' }, 'invalid_target'],
    ['an unknown scope', { scope: 'data.records:read admin:everything' }, 'invalid_scope'],
    ['the implicit flow', { response_type: 'token' }, 'unsupported_response_type'],
  ])('refuses %s at /oauth/authorize with %s sent back', async (_name, extra, error) => {
    const { server, oauth, clientId } = group;
    const page = await oauth.open(authorizationUrl(server, { clientId, challenge: pkce().challenge, extra }));
    expect(page.status).toBe(302);
    expect(new URL(page.location!).searchParams.get('error')).toBe(error);
  });

  it.each([
    ['an unknown client', { client_id: 'cliNoSuchClient000' }, 'Unknown client_id'],
    [
      'a redirect URI on another host',
      { redirect_uri: 'https://evil.example/callback' },
      'not one the client registered',
    ],
    [
      'a loopback redirect URI on another path',
      { redirect_uri: 'http://127.0.0.1:53682/steal' },
      'not one the client registered',
    ],
  ])('shows %s an error page (400), never a redirect', async (_name, extra, message) => {
    const { server, oauth, clientId } = group;
    const page = await oauth.open(authorizationUrl(server, { clientId, challenge: pkce().challenge, extra }));
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.html).toContain(message);
  });

  it.each([
    ['/oauth/authorize', 'application/json', '{"decision":"approve"}'],
    ['/oauth/authorize', 'multipart/form-data; boundary=x', '--x\r\nbroken'],
    ['/oauth/sign-in', 'text/plain', 'email=ada@example.com'],
  ])('POST %s with a %s body answers a 400 page, never 500', async (path, type, body) => {
    const { server } = group;
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type, origin: server.url },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The form could not be read');
  });

  it('a token request for another resource is invalid_target (RFC 8707 §2.2)', async () => {
    const { oauth, clientId } = group;
    const grant = await oauth.code({ clientId });
    const answer = await oauth.redeem({ clientId, ...grant }, { resource: 'https://other.example/mcp' });
    expectOAuthError(answer, 400, 'invalid_target');
  });

  it('audits the issue and the reuse of a code', async () => {
    const { server } = group;
    const audit = await server.call({
      method: 'GET',
      path: '/api/v1/audit?action=oauth.*&limit=200',
      as: { bearer: ADMIN_TOKEN },
    });
    const entries: Json[] = audit.body.entries;
    expect(entries.find((entry) => entry.action === 'oauth.token_issued')).toMatchObject({
      outcome: 'success',
      actor: { kind: 'oauth' },
      details: { grantType: 'authorization_code' },
    });
    expect(entries.find((entry) => entry.action === 'oauth.code_reused')).toMatchObject({
      outcome: 'failure',
      details: { revoked: 'grant' },
    });
  });
});

describe('resource indicators and audience (RFC 8707, RFC 9728)', () => {
  const group = serverForGroup();

  it('/mcp without a token answers 401 pointing at its protected resource metadata', async () => {
    const { server } = group;
    const response = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{}',
    });
    await response.body?.cancel();
    expect(response.status).toBe(401);
    const metadataUrl = `${server.url}/.well-known/oauth-protected-resource/mcp`;
    expect(response.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${metadataUrl}"`);
    const metadata = (await (await fetch(metadataUrl)).json()) as Json;
    expect(metadata).toMatchObject({ resource: `${server.url}/mcp`, authorization_servers: [server.url] });
    const issuer = (await (
      await fetch(`${server.url}/.well-known/oauth-authorization-server`)
    ).json()) as Json;
    expect(issuer).toMatchObject({
      issuer: server.url,
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    });
  });

  it('an unknown token gets 401 invalid_token at /mcp', async () => {
    const { server } = group;
    expect(await mcpStatus(server, `tpo_${'A'.repeat(43)}`)).toMatchObject({
      status: 401,
      challenge: invalidTokenChallenge(server.url),
    });
  });

  it('a token is good for the resource it was issued for, and nowhere else', async () => {
    const { server, oauth, clientId } = group;
    const tokens = await oauth.tokens({ clientId });
    expect((await mcpStatus(server, tokens.access_token)).status).toBe(200);
    // The same server reached by another name is another resource: the token's audience differs.
    const elsewhere = server.url.replace('127.0.0.1', 'localhost');
    expect(await mcpStatus(server, tokens.access_token, elsewhere)).toMatchObject({
      status: 401,
      challenge: invalidTokenChallenge(elsewhere),
      body: { error: { code: 'oauth.invalid_token' } },
    });
    for (const path of ['/api/v1/me', '/v0/meta/bases']) {
      const answer = await server.call({ method: 'GET', path, as: { bearer: tokens.access_token } });
      expect(answer.status, path).toBe(401);
    }
  });
});

describe('refresh token grant (OAuth 2.1 §4.3, rotation with reuse detection)', () => {
  const group = serverForGroup();

  it('rotates; the spent refresh token again is invalid_grant and ends the whole family', async () => {
    const { server, oauth, clientId } = group;
    const first = await oauth.tokens({ clientId });
    const rotated = await oauth.refresh({ clientId, refreshToken: first.refresh_token });
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const second = rotated.body as typeof first;
    expect(second.refresh_token).toMatch(/^tpr_/);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await mcpStatus(server, second.access_token)).status).toBe(200);

    expectOAuthError(
      await oauth.refresh({ clientId, refreshToken: first.refresh_token }),
      400,
      'invalid_grant',
    );
    for (const token of [first.access_token, second.access_token])
      expect((await mcpStatus(server, token)).status).toBe(401);
    expectOAuthError(
      await oauth.refresh({ clientId, refreshToken: second.refresh_token }),
      400,
      'invalid_grant',
    );
  });

  it('narrows the scope on refresh, and refuses widening with invalid_scope without spending the token', async () => {
    const { server, oauth, clientId } = group;
    // In Tableport's order of scopes, as every token response lists them.
    const granted = 'data.records:read data.records:write schema.bases:read';
    const tokens = await oauth.tokens({ clientId, extra: { scope: granted } });
    expect(tokens.scope).toBe(granted);

    const narrow = await oauth.refresh(
      { clientId, refreshToken: tokens.refresh_token },
      { scope: 'data.records:read' },
    );
    expect(narrow.status).toBe(200);
    expect(narrow.body.scope).toBe('data.records:read');
    expect((await mcpStatus(server, narrow.body.access_token)).status).toBe(200);

    const wider = await oauth.refresh(
      { clientId, refreshToken: narrow.body.refresh_token },
      { scope: 'data.records:read webhook:manage' },
    );
    expectOAuthError(wider, 400, 'invalid_scope');
    // The refresh token keeps the grant's scopes: without `scope` the next pair has them all again.
    const again = await oauth.refresh({ clientId, refreshToken: narrow.body.refresh_token });
    expect(again.status).toBe(200);
    expect(again.body.scope).toBe(granted);
  });

  it('a refresh token is bound to its client and resource; refusals do not spend it', async () => {
    const { oauth, clientId } = group;
    const other = await oauth.register({ client_name: 'Other client' });
    const tokens = await oauth.tokens({ clientId });
    const refreshToken = tokens.refresh_token;
    expectOAuthError(await oauth.refresh({ clientId: other, refreshToken }), 400, 'invalid_grant');
    const target = await oauth.refresh({ clientId, refreshToken }, { resource: 'https://other.example/mcp' });
    expectOAuthError(target, 400, 'invalid_target');
    const rotated = await oauth.refresh({ clientId, refreshToken }, { resource: `${group.server.url}/mcp` });
    expect(rotated.status).toBe(200);
  });
});

describe('revocation (RFC 7009)', () => {
  const group = serverForGroup();

  it('revoking an access token answers 200 and ends that token; its refresh token still works', async () => {
    const { server, oauth, clientId } = group;
    const tokens = await oauth.tokens({ clientId });
    const revoked = await oauth.revoke({ clientId, token: tokens.access_token, hint: 'access_token' });
    expect({ status: revoked.status, text: revoked.text }).toEqual({ status: 200, text: '' });
    expect(await mcpStatus(server, tokens.access_token)).toMatchObject({
      status: 401,
      challenge: invalidTokenChallenge(server.url),
    });
    const refreshed = await oauth.refresh({ clientId, refreshToken: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    expect((await mcpStatus(server, refreshed.body.access_token)).status).toBe(200);
  });

  it('revoking a refresh token answers 200 and ends its whole grant', async () => {
    const { server, oauth, clientId } = group;
    const tokens = await oauth.tokens({ clientId });
    const revoked = await oauth.revoke({ clientId, token: tokens.refresh_token, hint: 'refresh_token' });
    expect(revoked.status).toBe(200);
    expect((await mcpStatus(server, tokens.access_token)).status).toBe(401);
    expectOAuthError(
      await oauth.refresh({ clientId, refreshToken: tokens.refresh_token }),
      400,
      'invalid_grant',
    );
  });

  it('unknown tokens and another client’s tokens answer 200 and change nothing (§2.2)', async () => {
    const { server, oauth, clientId } = group;
    const tokens = await oauth.tokens({ clientId });
    const other = await oauth.register({ client_name: 'Other client' });
    for (const token of [`tpo_${'B'.repeat(43)}`, `tpr_${'C'.repeat(43)}`, 'nonsense', tokens.access_token]) {
      const answer = await oauth.revoke({
        clientId: token === tokens.access_token ? other : clientId,
        token,
      });
      expect(answer.status, token).toBe(200);
    }
    expect((await mcpStatus(server, tokens.access_token)).status).toBe(200);
  });

  it('a request without a token, or not form-encoded, is invalid_request', async () => {
    const { server, oauth, clientId } = group;
    expectOAuthError(await oauth.post('/oauth/revoke', { client_id: clientId }), 400, 'invalid_request');
    const json = await send(server, {
      path: '/oauth/revoke',
      body: JSON.stringify({ token: 'x', client_id: clientId }),
      contentType: 'application/json',
    });
    expectOAuthError(json, 400, 'invalid_request');
  });

  it('audits issue and revocation, with no token in the entries', async () => {
    const { server, oauth, clientId } = group;
    const tokens = await oauth.tokens({ clientId });
    await oauth.revoke({ clientId, token: tokens.refresh_token });
    const audit = await server.call({
      method: 'GET',
      path: '/api/v1/audit?action=oauth.*&limit=200',
      as: { bearer: ADMIN_TOKEN },
    });
    const entries = audit.body.entries as { action: string; details: { tokenKind?: string } }[];
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['oauth.token_issued', 'oauth.token_revoked']),
    );
    const kinds = entries
      .filter((entry) => entry.action === 'oauth.token_revoked')
      .map((entry) => entry.details.tokenKind);
    expect(kinds).toEqual(expect.arrayContaining(['access', 'refresh']));
    expect(audit.text).not.toContain(tokens.refresh_token);
    expect(audit.text).not.toContain(tokens.access_token);
  });
});

describe('dynamic client registration (RFC 7591)', () => {
  const group = serverForGroup();
  const register = (body: string, contentType = 'application/json') =>
    send(group.server, { path: '/oauth/register', body, contentType });

  it('registers a public client with loopback and https redirect URIs', async () => {
    const uris = ['http://localhost:8000/cb', 'http://[::1]:9000/cb', 'https://client.example/cb?x=1'];
    const answer = await register(JSON.stringify({ client_name: 'Native', redirect_uris: uris }));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      client_id: expect.stringMatching(/^cli/),
      redirect_uris: uris,
      token_endpoint_auth_method: 'none',
    });
    expect(answer.body).not.toHaveProperty('client_secret');
  });

  it.each([
    'http://example.com/callback',
    'http://10.0.0.5/callback',
    'https://client.example/callback#fragment',
    'javascript:alert(1)',
    'not a url',
  ])('refuses the redirect URI %s with invalid_redirect_uri', async (uri) => {
    const answer = await register(JSON.stringify({ redirect_uris: [REDIRECT, uri] }));
    expectOAuthError(answer, 400, 'invalid_redirect_uri');
  });

  it.each([
    ['broken JSON', '{"redirect_uris": ['],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['no redirect URIs', '{"client_name": "x"}'],
    ['a string as redirect_uris', `{"redirect_uris": "${REDIRECT}"}`],
    ['the implicit grant', `{"redirect_uris": ["${REDIRECT}"], "grant_types": ["implicit"]}`],
  ])('refuses %s with 400 invalid_client_metadata, never 500', async (_name, body) => {
    expectOAuthError(await register(body), 400, 'invalid_client_metadata');
  });
});

describe('token endpoint refuses malformed requests (RFC 6749 §5.2), never with 500', () => {
  const group = serverForGroup();
  const code = `tpc_${'D'.repeat(43)}`;
  const verifier = pkce().verifier;

  const form = (fields: Record<string, string | undefined>) =>
    new URLSearchParams(
      Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
  const redemption = (missing?: string) =>
    form({
      grant_type: 'authorization_code',
      client_id: group.clientId,
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      ...(missing ? { [missing]: undefined } : {}),
    });

  it.each([
    {
      name: 'a JSON body',
      body: '{"grant_type":"authorization_code"}',
      type: 'application/json',
      error: 'invalid_request',
    },
    {
      name: 'a body without content type',
      body: 'grant_type=authorization_code',
      type: null,
      error: 'invalid_request',
    },
    { name: 'no grant_type', body: () => redemption('grant_type'), error: 'invalid_request' },
    {
      name: 'a repeated grant_type',
      body: 'grant_type=refresh_token&grant_type=refresh_token',
      error: 'invalid_request',
    },
    {
      name: 'the password grant',
      body: () => form({ grant_type: 'password', client_id: group.clientId }),
      error: 'unsupported_grant_type',
    },
    {
      name: 'client_credentials',
      body: () => form({ grant_type: 'client_credentials', client_id: group.clientId }),
      error: 'unsupported_grant_type',
    },
    { name: 'no client_id', body: () => redemption('client_id'), error: 'invalid_request' },
    { name: 'no code', body: () => redemption('code'), error: 'invalid_request' },
    { name: 'no code_verifier', body: () => redemption('code_verifier'), error: 'invalid_request' },
    { name: 'an unknown code', body: () => redemption(), error: 'invalid_grant' },
    {
      name: 'a refresh token of bytes',
      body: () => `grant_type=refresh_token&client_id=${group.clientId}&refresh_token=%00%ff`,
      error: 'invalid_grant',
    },
  ])('$name answers 400 $error', async ({ body, type, error }) => {
    const answer = await send(group.server, {
      path: '/oauth/token',
      body: typeof body === 'function' ? body() : body,
      contentType: type === undefined ? 'application/x-www-form-urlencoded' : type,
    });
    expectOAuthError(answer, 400, error);
  });
});

describe('token endpoint lockout (per address)', () => {
  const group = serverForGroup();

  it('locks an address out after 20 refused grants: 429 even for a good code, with Retry-After', async () => {
    const { oauth, clientId } = group;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25 && statuses.at(-1) !== 429; attempt++) {
      const answer = await oauth.redeem({
        clientId,
        code: `tpc_${'E'.repeat(43)}`,
        verifier: pkce().verifier,
      });
      statuses.push(answer.status);
      if (answer.status === 400) expect(answer.body.error).toBe('invalid_grant');
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(statuses.at(-1)).toBe(429);

    const good = await oauth.redeem({ clientId, ...(await oauth.code({ clientId })) });
    expectOAuthError(good, 429, 'temporarily_unavailable');
    expect(Number(good.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
