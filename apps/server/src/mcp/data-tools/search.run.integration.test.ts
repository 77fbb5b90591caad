import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataService, type DataService, type TableSchema } from '../../data';
import { createLocalDataSource } from '../../data/local/local.source';
import { startV0Server, type Json, type V0Server } from '../../data/test/v0.harness';
import type { Authorizer } from '../../platform/authz/authz.types';
import { searchableFields } from './search.fields';
import { fuzzySearch } from './search.run';

const allowAll: Authorizer = {
  check: async () => undefined,
  can: async () => true,
  roleOn: async () => 'owner',
  visibleBaseIds: async () => 'all',
};
const caller = {
  principal: { kind: 'admin' as const, id: 'admin', userId: null, scopes: 'all' as const },
  channel: 'mcp' as const,
};
const NAMES = ['alpha', 'bravo', 'zebar crossing', 'delta', 'echo', 'zebar park', 'golf', 'zebra hotel'];

let server: V0Server;
let data: DataService;
let baseId: string;
let table: TableSchema;
let ids: string[];
beforeAll(async () => {
  server = await startV0Server();
  const { db, events } = server.app.context;
  data = createDataService({
    db,
    events,
    authorizer: allowAll,
    drivers: { local: createLocalDataSource({ db }) },
    defaultWorkspaceId: async () => 'unused',
  });
  const base = await server.createBase([
    { name: 'Places', fields: [{ name: 'Name', type: 'singleLineText' }] },
  ]);
  baseId = base.id;
  table = base.tables[0] as TableSchema;
  const created = await server.call('POST', `/v0/${baseId}/Places`, {
    records: NAMES.map((Name) => ({ fields: { Name } })),
  });
  ids = created.body.records.map((record: Json) => record.id as string);
});
afterAll(async () => server?.stop());

describe('fuzzy search over a bounded candidate set', () => {
  it('tolerates typos within the first records and still finds exact words further on', async () => {
    const search = (limit: number) =>
      fuzzySearch({
        data,
        caller,
        baseId,
        tableId: table.id,
        fields: searchableFields(table),
        query: 'zebra',
        limit,
      });
    const whole = await search(100);
    expect(whole).toMatchObject({ widened: false, complete: true, scanned: 8 });
    expect(whole.hits.map((hit) => hit.id)).toEqual([ids[7], ids[2], ids[5]]);
    // Only the first 3 records are read fuzzily: "zebar crossing" (a typo) is found there; past them
    // only records containing the exact word are read, so "zebra hotel" is found and "zebar park" is not.
    const bounded = await search(3);
    expect(bounded).toMatchObject({ widened: true, complete: true, scanned: 4 });
    expect(bounded.hits.map((hit) => hit.id)).toEqual([ids[7], ids[2]]);
  });
});
