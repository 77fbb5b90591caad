import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kv } from '../../../infra/kv';
import { AIRTABLE_LIMITS, startAirtablePeer, type AirtablePeer } from '../testing/airtable.peer';
import { arrivals, gatewayOn, openTestKv, TEST_LOCKOUT_MS } from '../testing/gateway.fixture';
import { maxInWindow } from '../testing/peer.limits';
import { testRedisPrefix } from '../../../../test/harness';

// Multi-node cases need Redis: they run in the PostgreSQL + Redis test run (CI's second lane);
// the embedded run has no Redis and does not register them.
const onRedis = process.env.REDIS_URL ? it : () => undefined;

const BASE = 'appPacing0000001';
const OTHER = 'appPacing0000002';

describe('pacing', () => {
  let peer: AirtablePeer;
  const opened: Kv[] = [];
  const kv = (prefix?: string) => {
    const created = openTestKv(prefix);
    opened.push(created);
    return created;
  };

  beforeAll(async () => {
    peer = await startAirtablePeer({ limits: { ...AIRTABLE_LIMITS, lockoutMs: TEST_LOCKOUT_MS } });
    for (const baseId of [BASE, OTHER]) {
      const table = peer.store.addTable({ baseId, name: 'Tasks', fields: ['Name'] });
      peer.store.seed(table, Array.from({ length: 30 }, (_, index) => ({ Name: `task ${index}` })));
    }
  });
  // A fresh emulation per test: the peer's windows must not carry the previous test's requests.
  beforeEach(() => peer.setLimits({ ...AIRTABLE_LIMITS, lockoutMs: TEST_LOCKOUT_MS }));
  afterEach(async () => {
    peer.log.length = 0;
    await Promise.all(opened.splice(0).map((each) => each.close()));
  });
  afterAll(() => peer.close());

  const readMany = (client: ReturnType<ReturnType<typeof gatewayOn>['client']>, baseId: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, index) =>
        client.records.list({ baseId, tableIdOrName: 'Tasks', pageSize: 1 + index }),
      ),
    );

  it('keeps one base at 5 requests in any second, so Airtable never answers 429', async () => {
    const gateway = gatewayOn(peer, kv(), { cache: false });
    const pages = await readMany(gateway.client(peer.token), BASE, 12);
    expect(pages.map((page) => page.records.length)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(arrivals(peer, BASE)).toHaveLength(12);
    expect(maxInWindow(arrivals(peer, BASE), 1_000)).toBeLessThanOrEqual(5);
    expect(arrivals(peer, BASE, 429)).toEqual([]);
    expect(gateway.stats().upstreamRateLimited).toBe(0);
  });

  it('holds the limit for several schedulers of one process sharing the limiter', async () => {
    const shared = kv();
    const gateways = [1, 2, 3].map(() => gatewayOn(peer, shared, { cache: false }));
    await Promise.all(gateways.map((gateway) => readMany(gateway.client(peer.token), BASE, 5)));
    expect(arrivals(peer, BASE)).toHaveLength(15);
    expect(maxInWindow(arrivals(peer, BASE), 1_000)).toBeLessThanOrEqual(5);
    expect(arrivals(peer, BASE, 429)).toEqual([]);
  });

  onRedis('holds the limit for several nodes, each with its own Redis connection', async () => {
    const cluster = testRedisPrefix();
    const nodes = [1, 2, 3].map(() => gatewayOn(peer, kv(cluster), { cache: false }));
    await Promise.all(nodes.map((node) => readMany(node.client(peer.token), BASE, 5)));
    expect(arrivals(peer, BASE)).toHaveLength(15);
    expect(maxInWindow(arrivals(peer, BASE), 1_000)).toBeLessThanOrEqual(5);
    expect(arrivals(peer, BASE, 429)).toEqual([]);
  });

  it('paces each base on its own: two bases together get twice the rate', async () => {
    const gateway = gatewayOn(peer, kv(), { cache: false });
    const client = gateway.client(peer.token);
    await Promise.all([readMany(client, BASE, 8), readMany(client, OTHER, 8)]);
    const both = [...arrivals(peer, BASE), ...arrivals(peer, OTHER)];
    expect(maxInWindow(both, 1_000)).toBeGreaterThan(5);
    for (const baseId of [BASE, OTHER]) expect(maxInWindow(arrivals(peer, baseId), 1_000)).toBeLessThanOrEqual(5);
    expect(peer.log.filter((entry) => entry.status === 429)).toEqual([]);
  });

  it('keeps a token under its own limit across bases', async () => {
    peer.setLimits({ ...AIRTABLE_LIMITS, perToken: 6, lockoutMs: TEST_LOCKOUT_MS });
    const gateway = gatewayOn(peer, kv(), { cache: false, pacing: { tokenIntervalMs: 1_000 / 6 + 10, tokenLimit: 6 } });
    const client = gateway.client(peer.token);
    await Promise.all([readMany(client, BASE, 6), readMany(client, OTHER, 6)]);
    expect(maxInWindow(peer.log.map((entry) => entry.at), 1_000)).toBeLessThanOrEqual(6);
    expect(peer.log.filter((entry) => entry.status === 429)).toEqual([]);
  });
});
