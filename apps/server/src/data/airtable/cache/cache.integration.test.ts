import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testRedisPrefix } from '../../../../test/harness';
import type { Kv } from '../../../infra/kv';
import { startAirtablePeer, type AirtablePeer } from '../testing/airtable.peer';
import { gatewayOn, openTestKv } from '../testing/gateway.fixture';
import type { PeerTable } from '../testing/peer.store';
import { createAirtableCache } from './cache.store';

// Multi-node cases need Redis: they run in the PostgreSQL + Redis test run (CI's second lane);
// the embedded run has no Redis and does not register them.
const onRedis = process.env.REDIS_URL ? it : () => undefined;

const BASE = 'appCache00000001';
const ref = { baseId: BASE, tableIdOrName: 'Tasks' };
const upstream = (peer: AirtablePeer, method = 'GET') => peer.log.filter((entry) => entry.method === method).length;

describe('cache', () => {
  let peer: AirtablePeer;
  let table: PeerTable;
  const opened: Kv[] = [];
  const kv = (prefix?: string) => {
    const created = openTestKv(prefix);
    opened.push(created);
    return created;
  };

  beforeAll(async () => {
    peer = await startAirtablePeer();
  });
  beforeEach(() => {
    peer.faults.clear();
    peer.log.length = 0;
    peer.store.bases.clear();
    table = peer.store.addTable({ baseId: BASE, name: 'Tasks', fields: ['Name'] });
    peer.store.seed(table, [{ Name: 'first' }]);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
  });
  afterAll(() => peer.close());

  it('answers a repeated read from the cache, and a read after our write from Airtable', async () => {
    const gateway = gatewayOn(peer, kv());
    const client = gateway.client(peer.token);
    await client.records.list(ref);
    expect((await client.records.list(ref)).records).toHaveLength(1);
    expect(upstream(peer)).toBe(1);
    await client.records.create({ ...ref, fields: { Name: 'second' } });
    expect((await client.records.list(ref)).records).toHaveLength(2);
    expect(upstream(peer)).toBe(2);
    expect(gateway.stats()).toMatchObject({ cacheHits: 1, cacheMisses: 2 });
  });

  it('keeps schemas apart from records: a record write leaves the cached schema alone', async () => {
    const client = gatewayOn(peer, kv()).client(peer.token);
    await client.meta.getBaseSchema({ baseId: BASE });
    await client.records.create({ ...ref, fields: { Name: 'x' } });
    const schema = await client.meta.getBaseSchema({ baseId: BASE });
    expect(schema.tables.map((each) => each.name)).toEqual(['Tasks']);
    expect(peer.log.filter((entry) => entry.path.includes('/meta/'))).toHaveLength(1);
  });

  it('expires entries after their kind’s TTL', async () => {
    const client = gatewayOn(peer, kv(), { cache: { ttlMs: { records: 100 } } }).client(peer.token);
    await client.records.list(ref);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await client.records.list(ref);
    expect(upstream(peer)).toBe(2);
  });

  it('does not keep a slow read that raced a write', async () => {
    const client = gatewayOn(peer, kv()).client(peer.token);
    peer.faults.add({ fault: { kind: 'delay', ms: 700 } });
    const slow = client.records.list(ref);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.records.create({ ...ref, fields: { Name: 'meanwhile' } });
    expect((await slow).records).toHaveLength(1);
    expect((await client.records.list(ref)).records).toHaveLength(2);
  });

  it('lets a write on one gateway invalidate what another gateway of the process cached', async () => {
    const shared = kv();
    const cache = createAirtableCache({ kv: shared });
    const reader = gatewayOn(peer, shared, { cache }).client(peer.token);
    const writer = gatewayOn(peer, shared, { cache }).client(peer.token);
    await reader.records.list(ref);
    await writer.records.create({ ...ref, fields: { Name: 'other' } });
    expect((await reader.records.list(ref)).records).toHaveLength(2);
  });

  onRedis('shares entries and invalidations between nodes through Redis', async () => {
    const cluster = testRedisPrefix();
    const [first, second] = [gatewayOn(peer, kv(cluster)), gatewayOn(peer, kv(cluster))];
    await Promise.all([first.start(), second.start()]);
    await first.client(peer.token).records.list(ref);
    await second.client(peer.token).records.list(ref);
    expect(upstream(peer)).toBe(1);
    await second.client(peer.token).records.create({ ...ref, fields: { Name: 'from node 2' } });
    expect((await first.client(peer.token).records.list(ref)).records).toHaveLength(2);
    await Promise.all([first.close(), second.close()]);
  });

  onRedis('keeps reading when the cache backend fails, and reports it', async () => {
    const broken = kv();
    const errors: unknown[] = [];
    const cache = createAirtableCache({ kv: broken });
    const client = gatewayOn(peer, kv(), { cache, onCacheError: (error) => errors.push(error) }).client(peer.token);
    await broken.close();
    expect((await client.records.list(ref)).records).toHaveLength(1);
    expect((await client.records.list(ref)).records).toHaveLength(1);
    expect(upstream(peer)).toBe(2);
    expect(errors.length).toBeGreaterThan(0);
  });
});
