import { AppError } from '@tableport/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kv } from '../../../infra/kv';
import { AIRTABLE_LIMITS, startAirtablePeer, type AirtablePeer } from '../testing/airtable.peer';
import { gatewayOn, openTestKv, TEST_LOCKOUT_MS } from '../testing/gateway.fixture';
import type { PeerTable } from '../testing/peer.store';

const BASE = 'appRetry00000001';
const names = (table: PeerTable) => [...table.records.values()].map((record) => String(record.fields.Name)).sort();
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => (AppError.isInstance(error) ? error : undefined));

describe('retries', () => {
  let peer: AirtablePeer;
  let table: PeerTable;
  let kv: Kv;
  const limits = { ...AIRTABLE_LIMITS, lockoutMs: TEST_LOCKOUT_MS };

  beforeAll(async () => {
    peer = await startAirtablePeer({ limits });
  });
  beforeEach(() => {
    peer.setLimits(limits);
    peer.faults.clear();
    peer.log.length = 0;
    peer.store.bases.clear();
    table = peer.store.addTable({ baseId: BASE, name: 'Tasks', fields: ['Name'] });
    kv = openTestKv();
  });
  afterEach(() => kv.close());
  afterAll(() => peer.close());

  const client = (options: Parameters<typeof gatewayOn>[2] = {}) => gatewayOn(peer, kv, { cache: false, ...options });

  it('waits out a lockout and answers every caller, without surfacing the 429', async () => {
    const gateway = client();
    const api = gateway.client(peer.token);
    peer.lockBase(BASE, TEST_LOCKOUT_MS);
    const writes = Array.from({ length: 12 }, (_, index) =>
      api.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: `n${index}` } }),
    );
    const reads = Array.from({ length: 3 }, (_, index) => api.records.list({ baseId: BASE, tableIdOrName: 'Tasks', pageSize: index + 1 }));
    await Promise.all([...writes, ...reads]);
    expect(names(table)).toEqual(Array.from({ length: 12 }, (_, index) => `n${index}`).sort());
    // The first 429 blocks the base for everyone: the others never knock during the lockout.
    expect(peer.log.filter((entry) => entry.status === 429)).toHaveLength(1);
    expect(gateway.stats().upstreamRateLimited).toBe(1);
  });

  it('honours Retry-After instead of its own 30 s lockout', async () => {
    peer.setLimits({ ...limits, retryAfterSeconds: 1 });
    const api = client({ retry: { lockoutMs: 60_000 } }).client(peer.token);
    peer.lockBase(BASE, 800);
    const created = await api.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: 'late' } });
    expect(created.fields).toEqual({ Name: 'late' });
    expect(peer.log.map((entry) => entry.status)).toEqual([429, 200]);
  });

  it('rides out a storm of 429s from a noisy neighbour: no 429 surfaced, no write lost or doubled', async () => {
    const api = client().client(peer.token);
    let storming = true;
    const storm = (async () => {
      while (storming) {
        peer.lockBase(BASE, TEST_LOCKOUT_MS);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const writes = Array.from({ length: 25 }, (_, index) =>
      api.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: `s${index}` } }),
    );
    setTimeout(() => (storming = false), 1_200);
    const results = await Promise.all(writes);
    await storm;
    expect(results.map((record) => record.fields.Name)).toEqual(Array.from({ length: 25 }, (_, index) => `s${index}`));
    expect(names(table)).toEqual(Array.from({ length: 25 }, (_, index) => `s${index}`).sort());
    expect(peer.log.some((entry) => entry.status === 429)).toBe(true);
  });

  it('gives up after the bounded number of tries and says why', async () => {
    peer.faults.add({ fault: { kind: 'status', status: 429 }, times: 10 });
    const api = client({ retry: { maxAttempts: 3, lockoutMs: 20 } }).client(peer.token);
    const error = await rejection(api.records.list({ baseId: BASE, tableIdOrName: 'Tasks' }));
    expect(error?.code).toBe('airtable.rate_limited');
    expect(peer.log).toHaveLength(3);
  });

  it('retries 5xx for reads, updates and deletes', async () => {
    const [record] = peer.store.seed(table, [{ Name: 'a' }]);
    peer.faults.add({ fault: { kind: 'status', status: 500 }, times: 2 });
    const api = client().client(peer.token);
    expect((await api.records.list({ baseId: BASE, tableIdOrName: 'Tasks' })).records).toHaveLength(1);
    peer.faults.add({ fault: { kind: 'status', status: 502 }, times: 1 });
    await api.records.update({ baseId: BASE, tableIdOrName: 'Tasks', recordId: record!.id, fields: { Name: 'b' } });
    peer.faults.add({ fault: { kind: 'status', status: 503, type: 'RETRIABLE_ERROR' }, times: 1 });
    await api.records.delete({ baseId: BASE, tableIdOrName: 'Tasks', recordId: record!.id });
    expect(peer.log.map((entry) => entry.status)).toEqual([500, 500, 200, 502, 200, 503, 200]);
    expect(table.records.size).toBe(0);
  });

  it('never retries a create after a 5xx: it may have been applied', async () => {
    peer.faults.add({ fault: { kind: 'status', status: 503 } });
    const api = client().client(peer.token);
    const error = await rejection(api.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: 'x' } }));
    expect(error?.code).toBe('airtable.server_error');
    expect(peer.log).toHaveLength(1);
  });

  it('retries a read that timed out or whose connection was reset', async () => {
    peer.store.seed(table, [{ Name: 'a' }]);
    peer.faults.add({ fault: { kind: 'hang' } });
    peer.faults.add({ fault: { kind: 'reset' } });
    const api = client({ timeoutMs: 300 }).client(peer.token);
    const page = await api.records.list({ baseId: BASE, tableIdOrName: 'Tasks' });
    expect(page.records).toHaveLength(1);
    expect(peer.log.map((entry) => entry.status)).toEqual(['hang', 'reset', 200]);
  });

  it('reports a create that timed out after it was applied, and does not send it twice', async () => {
    peer.faults.add({ fault: { kind: 'apply-then-hang' } });
    const api = client({ timeoutMs: 300 }).client(peer.token);
    const error = await rejection(api.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: 'once' } }));
    expect(error?.code).toBe('airtable.timeout');
    expect(names(table)).toEqual(['once']);
    expect(peer.log).toHaveLength(1);
  });

  it('retries an unreadable answer to a read, but reports one to a create', async () => {
    peer.store.seed(table, [{ Name: 'a' }]);
    peer.faults.add({ fault: { kind: 'malformed' } });
    const api = client().client(peer.token);
    expect((await api.records.list({ baseId: BASE, tableIdOrName: 'Tasks' })).records).toHaveLength(1);
    peer.faults.add({ fault: { kind: 'malformed' } });
    const error = await rejection(api.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: 'z' } }));
    expect(error?.code).toBe('airtable.invalid_response');
    expect(peer.log).toHaveLength(3);
  });

  it('retries any request whose connection never opened', async () => {
    const closed = await startAirtablePeer();
    const url = closed.url;
    await closed.close();
    const gateway = gatewayOn(closed, kv, { cache: false, endpointUrl: url, retry: { maxAttempts: 3 } });
    const api = gateway.client(closed.token);
    const error = await rejection(api.records.create({ baseId: BASE, tableIdOrName: 'Tasks', fields: { Name: 'x' } }));
    expect(error?.code).toBe('airtable.network');
    expect(gateway.stats().upstreamRequests).toBe(3);
  });
});
