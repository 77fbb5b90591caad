import { Writable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createLogger } from '../infra/log/logger';
import { createMetrics } from '../infra/metrics';
import type { ReadinessCheck } from './gateway.types';
import { handleV0Error } from '../data/v0/v0.errors';
import { createHttpApp } from './http-app';
import { adminTokenAuthenticator, requireAdmin } from './middleware/auth';
import { createInFlight } from './middleware/request-context';

const ADMIN = 'x'.repeat(40);

function build(options: { checks?: ReadinessCheck[]; corsOrigins?: string } = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  const config = loadConfig({
    TABLEPORT_BODY_LIMIT_BYTES: '2048',
    TABLEPORT_CORS_ORIGINS: options.corsOrigins ?? '',
  });
  const metrics = createMetrics({ version: '1.2.3', commit: 'abc' });
  const inFlight = createInFlight();
  const app = createHttpApp({
    config,
    logger: createLogger({ level: 'info', destination }),
    metrics,
    inFlight,
    authenticators: [
      adminTokenAuthenticator(ADMIN),
      async (request) => {
        if (request.headers.get('authorization') === 'Bearer revoked') {
          throw new AppError({ code: 'auth.required', message: 'This key was revoked' });
        }
        return null;
      },
    ],
    errorHandlers: [{ pathPrefix: '/v0/', handle: handleV0Error }],
    authChallenges: [
      { pathPrefix: '/mcp', header: (url) => `Bearer resource_metadata="${new URL(url).origin}/meta"` },
    ],
    readiness: {
      checks: options.checks ?? [{ name: 'database', check: async () => ({ latencyMs: 1 }) }],
      info: { version: '1.2.3', commit: 'abc', role: 'all', startedAt: Date.now() },
    },
    webDistDir: undefined,
    mount: ({ root, api }) => {
      api.openapi(
        createRoute({
          method: 'post',
          path: '/echo/{id}',
          request: {
            params: z.object({ id: z.string().min(3) }),
            body: { content: { 'application/json': { schema: z.object({ n: z.number().int() }) } } },
          },
          responses: {
            200: {
              description: 'echo',
              content: { 'application/json': { schema: z.object({ n: z.number() }) } },
            },
          },
        }),
        (c) => c.json({ n: c.req.valid('json').n }, 200),
      );
      api.get('/admin', (c) => c.json({ who: requireAdmin(c).id }));
      root.get('/boom', () => {
        throw new TypeError('secret internals');
      });
      root.get('/limited', () => {
        throw new AppError({
          code: 'rate_limit.exceeded',
          message: 'slow down',
          details: { retryAfterSeconds: 2.2 },
        });
      });
    },
  });
  return { app, lines, metrics, inFlight };
}

describe('gateway', () => {
  it('echoes a well-formed X-Request-Id and generates one otherwise', async () => {
    const { app } = build();
    const echoed = await app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const generated = await app.request('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers errors as {error:{code,message,requestId}} and hides internals', async () => {
    const { app, lines } = build();
    const response = await app.request('/boom', { headers: { 'x-request-id': 'req-1' } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal.unexpected', message: 'Unexpected error', requestId: 'req-1' },
    });
    expect(lines.join('')).toContain('secret internals');
    const notFound = await app.request('/api/v1/nothing');
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: { code: string } }).error.code).toBe('request.not_found');
    const v0 = await app.request('/v0/appXXXXXXXXXXXXXX/unknown/route/here/too');
    expect(await v0.json()).toEqual({ error: 'NOT_FOUND' });
  });

  it('validates with zod and names the failing fields', async () => {
    const { app } = build();
    const post = (path: string, body: string) =>
      app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(await (await post('/api/v1/echo/abcd', '{"n":4}')).json()).toEqual({ n: 4 });
    type Invalid = { error: { code: string; message: string; details: { issues: { path: string }[] } } };
    const badParam = await post('/api/v1/echo/ab', '{"n":4}');
    expect(badParam.status).toBe(400);
    const paramBody = (await badParam.json()) as Invalid;
    expect(paramBody.error.code).toBe('request.invalid');
    expect(paramBody.error.details.issues.map((issue) => issue.path)).toEqual(['id']);
    const badBody = (await (await post('/api/v1/echo/abcd', '{"n":"four"}')).json()) as Invalid;
    expect(badBody.error.details.issues.map((issue) => issue.path)).toEqual(['n']);
    expect(badBody.error.message).toMatch(/^Invalid request: n: /);
    const malformed = await post('/api/v1/echo/abcd', '{"n":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      'request.malformed_json',
    );
  });

  it('limits body size and URL length with stable codes', async () => {
    const { app } = build();
    const big = await app.request('/api/v1/echo/abcd', {
      method: 'POST',
      body: JSON.stringify({ n: 1, pad: 'x'.repeat(5000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('request.too_large');
    const long = await app.request(`/healthz?q=${'a'.repeat(16_100)}`);
    expect(long.status).toBe(414);
  });

  it('answers gateway refusals on /v0 in Airtable error JSON', async () => {
    const { app } = build();
    const big = await app.request('/v0/appAAAAAAAAAAAAAA/Table', {
      method: 'POST',
      body: JSON.stringify({ fields: { pad: 'x'.repeat(5000) } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: { type: 'REQUEST_TOO_LARGE', message: expect.any(String) } });
    const long = await app.request(`/v0/appAAAAAAAAAAAAAA/Table?filterByFormula=${'a'.repeat(16_100)}`);
    expect(long.status).toBe(414);
    expect(((await long.json()) as { error: { type: string } }).error.type).toBe('INVALID_REQUEST_UNKNOWN');
  });

  it('requires and checks credentials', async () => {
    const { app } = build();
    expect((await app.request('/api/v1/admin')).status).toBe(401);
    expect((await app.request('/api/v1/admin', { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    const ok = await app.request('/api/v1/admin', { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(await ok.json()).toEqual({ who: 'admin' });
  });

  it('adds a module WWW-Authenticate challenge to every 401 under its path', async () => {
    const { app } = build();
    const revoked = await app.request('http://tp.example/mcp', {
      headers: { authorization: 'Bearer revoked' },
    });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer resource_metadata="http://tp.example/meta"');
    const elsewhere = await app.request('/api/v1/admin', { headers: { authorization: 'Bearer revoked' } });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get('www-authenticate')).toBeNull();
  });

  it('sets security headers, Retry-After on 429, and CORS per surface', async () => {
    const { app } = build({ corsOrigins: 'https://app.example' });
    const response = await app.request('/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const api = await app.request('/api/v1/nothing');
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('x-xss-protection')).toBeNull();
    expect((await app.request('/limited')).headers.get('retry-after')).toBe('3');
    const preflight = (path: string, origin: string) =>
      app.request(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(
      (await preflight('/v0/appX/tbl', 'https://any.example')).headers.get('access-control-allow-origin'),
    ).toBe('*');
    const allowed = await preflight('/api/v1/echo/abc', 'https://app.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(
      (await preflight('/api/v1/echo/abc', 'https://evil.example')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it('/readyz reports each check and answers 503 when one is down or shutting down', async () => {
    const down = build({
      checks: [
        { name: 'database', check: async () => ({ latencyMs: 0.5, detail: 'pglite' }) },
        { name: 'redis', check: () => Promise.reject(new Error('connection refused')) },
      ],
    });
    const response = await down.app.request('/readyz');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, unknown> };
    expect(body.status).toBe('not_ready');
    expect(body.checks).toEqual({
      database: { status: 'up', latencyMs: 0.5, detail: 'pglite' },
      redis: { status: 'down', error: 'connection refused' },
    });
    const up = build();
    expect((await up.app.request('/readyz')).status).toBe(200);
    up.inFlight.shuttingDown = true;
    const draining = await up.app.request('/readyz');
    expect(draining.status).toBe(503);
    expect(draining.headers.get('connection')).toBe('close');
  });

  it('/metrics has the latency histogram by route template, readiness and build info', async () => {
    const { app } = build();
    await app.request('/api/v1/echo/abcd', {
      method: 'POST',
      body: '{"n":1}',
      headers: { 'content-type': 'application/json' },
    });
    await app.request('/api/v1/echo/zzzz', {
      method: 'POST',
      body: '{"n":1}',
      headers: { 'content-type': 'application/json' },
    });
    await app.request('/readyz');
    const text = await (await app.request('/metrics')).text();
    expect(text).toContain(
      'http_server_request_duration_seconds_count{http_request_method="POST",http_route="/api/v1/echo/:id",http_response_status_code="200"} 2',
    );
    expect(text).toContain('tableport_ready 1');
    expect(text).toContain('tableport_build_info{version="1.2.3",commit="abc"} 1');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('serves OpenAPI 3.1 and an offline docs page', async () => {
    const { app } = build();
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/echo/{id}');
    const page = await (await app.request('/api/docs')).text();
    expect(page).not.toMatch(/https?:\/\//);
    const assets = [...page.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) expect((await app.request(asset)).status, asset).toBe(200);
  });

  it('logs one JSON line per request without credentials', async () => {
    const { app, lines } = build();
    await app.request('/api/v1/admin', { headers: { authorization: `Bearer ${ADMIN}` } });
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const request = entries.find((entry) => entry.msg === 'request');
    expect(request).toMatchObject({ method: 'GET', route: '/api/v1/admin', status: 200, principal: 'admin' });
    expect(lines.join('')).not.toContain(ADMIN);
  });
});
