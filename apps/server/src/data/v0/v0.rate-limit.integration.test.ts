import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Airtable from 'airtable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type V0Server } from '../test/v0.harness';

// Airtable's rate limit as /v0 emulates it (TABLEPORT_V0_RATE_LIMIT), and airtable.js 0.12.2 riding it out.
let server: V0Server;
let first: string;
let second: string;

/** A transparent proxy that counts the statuses the server answered (it never makes one up). */
async function startCountingProxy(target: string) {
  const seen: { status: number; body: string }[] = [];
  const proxy: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      void fetch(`${target}${request.url}`, { method: request.method, headers: request.headers as Record<string, string>, ...(body ? { body } : {}) }).then(async (answer) => {
        const text = await answer.text();
        seen.push({ status: answer.status, body: text });
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
      });
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { seen, url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => proxy.close() };
}

const hitUntil429 = async (baseId: string) => {
  for (let count = 1; count <= 20; count++) {
    const response = await server.call('GET', `/v0/${baseId}/Tasks`);
    if (response.status === 429) return { count, body: response.body, headers: response.headers };
  }
  throw new Error('no 429');
};

beforeAll(async () => {
  server = await startV0Server({ env: { TABLEPORT_V0_RATE_LIMIT: '3' } });
  const tables = [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }];
  first = (await server.createBase(tables, 'First')).id;
  second = (await server.createBase(tables, 'Second')).id;
  await server.call('POST', `/v0/${first}/Tasks`, { records: [{ fields: { Name: 'a' } }, { fields: { Name: 'b' } }] });
});
afterAll(async () => {
  await server?.stop();
});

describe('/v0 rate limit emulation', () => {
  it('allows N requests per second per base, then answers 429 RATE_LIMIT_REACHED for that base only, for 30 s', async () => {
    const limiter = server.app.context.kv.rateLimiter;
    await limiter.reset(`v0:base:${first}`);
    const refused = await hitUntil429(first);
    expect(refused.count).toBeLessThanOrEqual(4);
    expect(refused.body).toEqual({ error: { type: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' } });
    expect(refused.headers.get('retry-after')).toBeNull();
    const locked = await limiter.blockedForMs(`v0:base:${first}`);
    expect(locked).toBeGreaterThan(25_000);
    expect(locked).toBeLessThanOrEqual(30_000);
    expect((await server.call('GET', `/v0/meta/bases/${first}/tables`)).status).toBe(429);
    expect((await server.call('GET', `/v0/${second}/Tasks`)).status).toBe(200);
    expect((await server.call('GET', '/v0/meta/whoami')).status).toBe(200);
  });

  it('airtable.js retries a real 429 by itself and succeeds once the base is free', async () => {
    const limiter = server.app.context.kv.rateLimiter;
    await limiter.reset(`v0:base:${first}`);
    await hitUntil429(first);
    const proxy = await startCountingProxy(server.url);
    try {
      const client = new Airtable({ apiKey: ADMIN_TOKEN, endpointUrl: proxy.url }).base(first);
      const pending = client('Tasks').select({ maxRecords: 2 }).firstPage();
      // The lockout would last 30 s; once airtable.js has seen it, lift it so the test stays short.
      for (let tries = 0; tries < 200 && !proxy.seen.some((answer) => answer.status === 429); tries++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(proxy.seen[0]).toMatchObject({ status: 429 });
      expect(JSON.parse(proxy.seen[0]!.body)).toMatchObject({ error: { type: 'RATE_LIMIT_REACHED' } });
      await limiter.reset(`v0:base:${first}`);
      const records = await pending;
      expect(records.map((record) => record.get('Name'))).toEqual(['a', 'b']);
      expect(proxy.seen.at(-1)!.status).toBe(200);
    } finally {
      proxy.close();
    }
  }, 30_000);
});
