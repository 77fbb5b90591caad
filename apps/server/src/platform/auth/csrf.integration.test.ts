import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServer, type PlatformServer } from '../test/platform.harness';

let server: PlatformServer;
let cookie: string;
beforeAll(async () => {
  server = await startPlatformServer({ TABLEPORT_CORS_ORIGINS: 'https://app.example.com' });
  cookie = (await server.session('ada@example.com')).cookie;
}, 120_000);
afterAll(() => server?.stop());

const create = (headers: Record<string, string>) =>
  server.call({
    method: 'POST',
    path: '/api/v1/workspaces',
    as: null,
    body: { name: 'W' },
    headers: { cookie, ...headers },
  });

describe('CSRF protection of cookie-authenticated requests', () => {
  it('refuses an unsafe request with the session cookie from another origin', async () => {
    const response = await create({ origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('auth.origin_forbidden');
  });

  it('refuses a cross-site request that carries no Origin (Fetch Metadata)', async () => {
    const response = await create({ 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('auth.origin_forbidden');
  });

  it('refuses sign-out from another origin (better-auth endpoints are covered too)', async () => {
    const response = await server.call({
      method: 'POST',
      path: '/api/auth/sign-out',
      as: null,
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect((await create({ origin: server.url })).status).toBe(201);
  });

  it('accepts the same origin, a trusted origin, same-origin Fetch Metadata, and safe methods from anywhere', async () => {
    expect((await create({ origin: server.url })).status).toBe(201);
    expect((await create({ origin: 'https://app.example.com' })).status).toBe(201);
    expect((await create({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    const read = await server.call({
      method: 'GET',
      path: '/api/v1/workspaces',
      as: null,
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(read.status).toBe(200);
  });

  it('sets the session cookie httpOnly and SameSite=Lax', async () => {
    const response = await server.call({
      method: 'POST',
      path: '/api/auth/sign-in/email',
      as: null,
      body: { email: 'ada@example.com', password: 'correct horse battery' },
    });
    const line = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('tableport.session_token='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(response.body.token).toBeUndefined();
  });

  it('a Bearer request is not cookie-based: another Origin does not matter', async () => {
    const key = await server.call({
      method: 'POST',
      path: '/api/v1/keys',
      as: { cookie },
      body: { name: 'k', scopes: ['workspacesAndBases:write'] },
    });
    const response = await server.call({
      method: 'POST',
      path: '/api/v1/workspaces',
      as: { bearer: key.body.token },
      body: { name: 'From a script' },
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(201);
  });
});
