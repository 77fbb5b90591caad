import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kv } from '../../../infra/kv';
import { startAirtablePeer, type AirtablePeer } from '../testing/airtable.peer';
import { gatewayOn, openTestKv } from '../testing/gateway.fixture';
import { maxInWindow } from '../testing/peer.limits';

const BASE = 'appPages00000001';
const ref = { baseId: BASE, tableIdOrName: 'Big' };
// Airtable's limits scaled by 10 (50 per second per base), so 100 pages take 2 s, not 20.
const FAST_LIMITS = { perBase: 50, perToken: 500, windowMs: 1_000, lockoutMs: 400 };
const FAST_PACING = { baseIntervalMs: 21, baseLimit: 50, tokenIntervalMs: 2.1, tokenLimit: 500 };

describe('pagination', () => {
  let peer: AirtablePeer;
  let kv: Kv;

  beforeAll(async () => {
    peer = await startAirtablePeer({ limits: FAST_LIMITS });
    const table = peer.store.addTable({ baseId: BASE, name: 'Big', fields: ['Name'] });
    peer.store.seed(table, Array.from({ length: 10_050 }, (_, index) => ({ Name: `row ${index}` })));
    kv = openTestKv();
  });
  afterAll(async () => {
    await kv.close();
    await peer.close();
  });

  const client = () => gatewayOn(peer, kv, { cache: false, pacing: FAST_PACING }).client(peer.token);

  it('follows offsets past 10,000 records, paced, and says nothing was left out', async () => {
    peer.log.length = 0;
    const all = await client().records.listAll({ ...ref, cap: { records: Infinity } });
    expect(all.records).toHaveLength(10_050);
    expect(new Set(all.records.map((record) => record.id)).size).toBe(10_050);
    expect(all.records.at(-1)?.fields.Name).toBe('row 10049');
    expect(all.truncated).toBe(false);
    expect(peer.log).toHaveLength(101);
    expect(peer.log.every((entry) => entry.status === 200)).toBe(true);
    expect(maxInWindow(peer.log.map((entry) => entry.at), 1_000)).toBeLessThanOrEqual(50);
  });

  it('stops at the caller’s cap and reports the truncation with a cursor to resume from', async () => {
    peer.log.length = 0;
    const capped = await client().records.listAll({ ...ref, cap: { records: 5_000 } });
    expect(capped.records).toHaveLength(5_000);
    expect(capped.truncated).toBe(true);
    expect(capped.nextOffset).toBeDefined();
    expect(peer.log).toHaveLength(50);
    const rest = await client().records.listAll({ ...ref, offset: capped.nextOffset, cap: { records: Infinity } });
    expect(rest.records).toHaveLength(5_050);
    expect(rest.records[0]?.fields.Name).toBe('row 5000');
  });

  it('reports a cap that splits a page, with no cursor since the page was cut', async () => {
    const capped = await client().records.listAll({ ...ref, cap: { records: 150 } });
    expect(capped.records).toHaveLength(150);
    expect(capped.truncated).toBe(true);
    expect(capped.nextOffset).toBeUndefined();
  });
});
