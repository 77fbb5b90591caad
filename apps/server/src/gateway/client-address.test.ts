import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressMatcher } from '../infra/http/address-policy';
import { clientAddress } from './client-address';
import type { AppEnv } from './gateway.types';

// A real socket from 127.0.0.1: one server trusts it as a proxy, the other trusts nothing.
function start(trusted: string[] | null): Promise<{ url: string; server: ServerType }> {
  const app = new Hono<AppEnv>();
  const matcher = trusted ? createAddressMatcher(trusted) : undefined;
  app.use(async (c, next) => {
    if (matcher) c.set('trustedProxy', matcher);
    await next();
  });
  app.get('/', (c) => c.text(clientAddress(c) ?? 'none'));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}/`, server }),
    );
  });
}

let behindProxy: { url: string; server: ServerType };
let direct: { url: string; server: ServerType };
beforeAll(async () => {
  behindProxy = await start(['127.0.0.1', '10.0.0.0/8']);
  direct = await start(null);
});
afterAll(() => {
  behindProxy.server.close();
  direct.server.close();
});

const from = async (url: string, forwarded?: string) =>
  (await fetch(url, forwarded === undefined ? {} : { headers: { 'x-forwarded-for': forwarded } })).text();

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    expect(await from(direct.url)).toBe('127.0.0.1');
    expect(await from(direct.url, '203.0.113.9')).toBe('127.0.0.1');
  });

  it('takes the last untrusted hop from a trusted proxy, ignoring what the client wrote before it', async () => {
    expect(await from(behindProxy.url, '203.0.113.9')).toBe('203.0.113.9');
    expect(await from(behindProxy.url, '198.51.100.1, 203.0.113.9, 10.1.2.3')).toBe('203.0.113.9');
    expect(await from(behindProxy.url, '::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('stops at a malformed hop, and falls back to the proxy with no header', async () => {
    expect(await from(behindProxy.url, 'garbage, 10.0.0.5')).toBe('10.0.0.5');
    expect(await from(behindProxy.url, '')).toBe('127.0.0.1');
    expect(await from(behindProxy.url)).toBe('127.0.0.1');
  });
});
