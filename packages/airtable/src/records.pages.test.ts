import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeRecord, peerClient, startAirtablePeer, type AirtablePeer } from '../test/airtable-peer';
import type { AirtableClient } from './airtable.client';

let peer: AirtablePeer;
let client: AirtableClient;
const table = { baseId: 'appBase0000000001', tableIdOrName: 'tblTasks000000001' };
const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => fakeRecord(`${prefix}${index}`));

beforeAll(async () => {
  peer = await startAirtablePeer();
  client = peerClient(peer);
});
afterAll(() => peer.close());
beforeEach(() => peer.reset());

describe('records.pages / records.listAll', () => {
  it('follows offset to the last page with the same parameters, not truncated', async () => {
    peer.reply({ json: { records: ids('a', 2), offset: 'itr1/a1' } }, { json: { records: ids('b', 1) } });
    const pages = [];
    for await (const page of client.records.pages({
      ...table,
      pageSize: 2,
      view: 'Grid view',
      cap: { records: Infinity },
    })) {
      pages.push(page);
    }
    expect(
      pages.map((page) => [page.pageIndex, page.records.length, page.truncated, page.nextOffset]),
    ).toEqual([
      [0, 2, false, 'itr1/a1'],
      [1, 1, false, undefined],
    ]);
    expect(peer.requests.map((sent) => sent.query)).toEqual([
      'pageSize=2&view=Grid+view',
      'pageSize=2&view=Grid+view&offset=itr1%2Fa1',
    ]);
  });

  it('cuts a page at the record cap and says so; no resumable offset after a split page', async () => {
    peer.reply(
      { json: { records: ids('a', 3), offset: 'itr1/a2' } },
      { json: { records: ids('b', 3), offset: 'itr1/b2' } },
    );
    const result = await client.records.listAll({ ...table, cap: { records: 5 } });
    expect(result.records.map((record) => record.id)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    expect(result.truncated).toBe(true);
    expect(result.nextOffset).toBeUndefined();
    expect(peer.requests).toHaveLength(2);
  });

  it('reports truncation when the cap is reached exactly at a page boundary with more pages left', async () => {
    peer.reply({ json: { records: ids('a', 2), offset: 'itr1/a1' } });
    const result = await client.records.listAll({ ...table, cap: { records: 2 } });
    expect(result).toMatchObject({ truncated: true, nextOffset: 'itr1/a1' });
    expect(peer.requests).toHaveLength(1);
  });

  it('is not truncated when the cap equals the number of records and there is no next page', async () => {
    peer.reply({ json: { records: ids('a', 2) } });
    expect(await client.records.listAll({ ...table, cap: { records: 2 } })).toMatchObject({
      truncated: false,
    });
  });

  it('stops at the page cap and hands back the offset to resume from', async () => {
    peer.reply(
      { json: { records: ids('a', 1), offset: 'o1' } },
      { json: { records: ids('b', 1), offset: 'o2' } },
    );
    const result = await client.records.listAll({ ...table, cap: { records: 100, pages: 2 } });
    expect(result).toMatchObject({ truncated: true, nextOffset: 'o2' });
    expect(result.records).toHaveLength(2);
    peer.reply({ json: { records: ids('c', 1) } });
    const rest = await client.records.listAll({ ...table, offset: result.nextOffset, cap: { records: 100 } });
    expect(rest).toEqual({ records: ids('c', 1), truncated: false });
    expect(peer.requests.at(-1)!.query).toBe('offset=o2');
  });

  it("leaves Airtable's own maxRecords alone: a server-side cap is not a truncation", async () => {
    peer.reply({ json: { records: ids('a', 3) } });
    const result = await client.records.listAll({ ...table, maxRecords: 3, cap: { records: 10 } });
    expect(result.truncated).toBe(false);
    expect(peer.only().query).toBe('maxRecords=3');
  });

  it('lets the caller stop early: breaking out of the loop sends no further request', async () => {
    peer.reply({ json: { records: ids('a', 1), offset: 'o1' } });
    for await (const page of client.records.pages({ ...table, cap: { records: Infinity } })) {
      expect(page.nextOffset).toBe('o1');
      break;
    }
    expect(peer.requests).toHaveLength(1);
  });
});
