import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '@tableport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy';
import { createOutboundFetch } from './outbound-fetch';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    if (url.pathname === '/redirect') {
      response.writeHead(302, { location: url.searchParams.get('to')! }).end();
    } else if (url.pathname === '/loop') {
      response.writeHead(307, { location: '/loop' }).end();
    } else if (url.pathname === '/slow') {
      setTimeout(() => response.end('late'), 2000);
    } else {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => response.end(JSON.stringify({ method: request.method, body })));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return AppError.isInstance(error) ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'resolved';
};

describe('address policy', () => {
  it('refuses every non-public range and allows what the allow list names', () => {
    const policy = createAddressPolicy(['10.1.0.0/16', '::1', 'hooks.internal']);
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '192.168.1.1',
      '172.16.0.1',
      '100.64.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '64:ff9b::a00:1',
      '2002:a00:1::',
    ]) {
      expect(policy.allowsAddress(address), address).toBe(false);
    }
    for (const address of ['8.8.8.8', '2606:4700:4700::1111', '10.1.2.3', '::1'])
      expect(policy.allowsAddress(address), address).toBe(true);
    expect(policy.allowsHost('hooks.internal')).toBe(true);
    expect(policy.allowsHost('HOOKS.internal.')).toBe(true);
    expect(policy.allowsAddress('not an ip')).toBe(false);
  });
});

describe('outbound fetch', () => {
  it('refuses loopback by literal, by name and by mapped IPv6, and non-http schemes', async () => {
    const guarded = createOutboundFetch({ allow: [] });
    expect(await codeOf(guarded(`http://127.0.0.1:${port}/`))).toBe('outbound.blocked');
    expect(await codeOf(guarded(`http://localhost:${port}/`))).toBe('outbound.blocked');
    expect(await codeOf(guarded(`http://[::ffff:127.0.0.1]:${port}/`))).toBe('outbound.blocked');
    expect(await codeOf(guarded('http://169.254.169.254/latest/meta-data'))).toBe('outbound.blocked');
    expect(await codeOf(guarded('file:///etc/passwd'))).toBe('outbound.blocked');
  });

  it('reaches allowed destinations with method and body intact', async () => {
    const guarded = createOutboundFetch({ allow: ['127.0.0.1'] });
    const response = await guarded(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: 'ping' });
    expect(await response.json()).toEqual({ method: 'POST', body: 'ping' });
    const byName = createOutboundFetch({ allow: ['localhost'] });
    expect((await byName(`http://localhost:${port}/echo`)).status).toBe(200);
  });

  it('re-checks every redirect hop and bounds the chain', async () => {
    const byName = createOutboundFetch({ allow: ['localhost'] });
    const escape = `http://localhost:${port}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${port}/echo`)}`;
    expect(await codeOf(byName(escape))).toBe('outbound.blocked');
    const open = createOutboundFetch({ allow: ['127.0.0.1'] });
    const followed = await open(`http://127.0.0.1:${port}/redirect?to=/echo`, { method: 'POST', body: 'x' });
    expect(await followed.json()).toEqual({ method: 'GET', body: '' });
    expect(await codeOf(open(`http://127.0.0.1:${port}/loop`))).toBe('outbound.too_many_redirects');
  });

  it('times out and reports connection failures with stable codes', async () => {
    const guarded = createOutboundFetch({ allow: ['127.0.0.1'], timeoutMs: 200 });
    expect(await codeOf(guarded(`http://127.0.0.1:${port}/slow`))).toBe('outbound.timeout');
    expect(await codeOf(guarded('http://127.0.0.1:1/'))).toBe('outbound.failed');
  });
});
