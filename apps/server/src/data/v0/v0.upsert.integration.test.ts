/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
let baseId: string;

beforeAll(async () => {
  server = await startV0Server();
  baseId = (
    await server.createBase([
      {
        name: 'People',
        fields: [
          { name: 'Email', type: 'email' },
          { name: 'Team', type: 'singleLineText' },
          { name: 'Age', type: 'number' },
          { name: 'Note', type: 'singleLineText' },
          { name: 'Done', type: 'formula', options: { formula: '1' } },
        ],
      },
    ])
  ).id;
});
afterAll(async () => server?.stop());

const upsert = (method: 'PATCH' | 'PUT', records: unknown[], fieldsToMergeOn: unknown = ['Email'], typecast = false) =>
  server.call(method, `/v0/${baseId}/People`, { performUpsert: { fieldsToMergeOn }, records, typecast });

describe('performUpsert (§2.7)', () => {
  it('creates when nothing matches, updates the single match, in input order', async () => {
    const first = await upsert('PATCH', [{ fields: { Email: 'a@x.io', Age: 1, Note: 'keep' } }]);
    expect(first.body.createdRecords).toHaveLength(1);
    expect(first.body.updatedRecords).toEqual([]);
    const second = await upsert('PATCH', [{ fields: { Email: 'b@x.io', Age: 2 } }, { fields: { Email: 'a@x.io', Age: 10 } }]);
    expect(second.body.records.map((record: Json) => record.fields.Email)).toEqual(['b@x.io', 'a@x.io']);
    expect(second.body.updatedRecords).toEqual([first.body.records[0].id]);
    expect(second.body.createdRecords).toEqual([second.body.records[0].id]);
    expect(second.body.records[1].fields).toEqual({ Email: 'a@x.io', Age: 10, Note: 'keep', Done: 1 });
  });

  it('PUT upsert clears unlisted fields of matched records; a record with an id is a plain update', async () => {
    const replaced = await upsert('PUT', [{ fields: { Email: 'a@x.io', Team: 'red' } }]);
    expect(replaced.body.records[0].fields).toEqual({ Email: 'a@x.io', Team: 'red', Done: 1 });
    const byId = await upsert('PATCH', [{ id: replaced.body.records[0].id, fields: { Age: 5 } }]);
    expect(byId.body.updatedRecords).toEqual([replaced.body.records[0].id]);
  });

  it('merges on several fields; an empty merge value never matches (creates)', async () => {
    const teams = await upsert('PATCH', [{ fields: { Email: 'c@x.io', Team: 'blue', Age: 1 } }], ['Email', 'Team']);
    const again = await upsert('PATCH', [{ fields: { Email: 'c@x.io', Team: 'blue', Age: 2 } }, { fields: { Email: 'c@x.io', Team: 'green' } }], ['Email', 'Team']);
    expect(again.body.updatedRecords).toEqual(teams.body.createdRecords);
    expect(again.body.createdRecords).toHaveLength(1);
    const blank = await upsert('PATCH', [{ fields: { Email: null, Age: 7 } }]);
    const blankAgain = await upsert('PATCH', [{ fields: { Email: null, Age: 7 } }]);
    expect(blankAgain.body.createdRecords[0]).not.toBe(blank.body.createdRecords[0]);
  });

  it('refuses ambiguous and malformed upserts with 422 and writes nothing', async () => {
    await server.call('POST', `/v0/${baseId}/People`, { records: [{ fields: { Email: 'dup@x.io' } }, { fields: { Email: 'dup@x.io' } }] });
    const cases: [unknown[], unknown, string][] = [
      [[{ fields: { Email: 'dup@x.io' } }], ['Email'], 'INVALID_REQUEST_UNKNOWN'],
      [[{ fields: { Email: 'new@x.io' } }, { fields: { Email: 'new@x.io' } }], ['Email'], 'INVALID_REQUEST_UNKNOWN'],
      [[{ fields: { Age: 1 } }], ['Email'], 'INVALID_REQUEST_UNKNOWN'],
      [[{ fields: { Email: 'z@x.io' } }], [], 'INVALID_REQUEST_UNKNOWN'],
      [[{ fields: { Email: 'z@x.io' } }], ['Email', 'Team', 'Age', 'Note'], 'INVALID_REQUEST_UNKNOWN'],
      [[{ fields: { Email: 'z@x.io' } }], ['Done'], 'INVALID_REQUEST_UNKNOWN'],
      [[{ fields: { Email: 'z@x.io' } }], ['Nope'], 'UNKNOWN_FIELD_NAME'],
      [[{ fields: { Email: 'z@x.io' } }], 'Email', 'INVALID_REQUEST_UNKNOWN'],
      [[{ id: 'recAAAAAAAAAAAAAA', fields: {} }], ['Email'], 'ROW_DOES_NOT_EXIST'],
    ];
    for (const [records, merge, type] of cases) {
      const response = await upsert('PATCH', records, merge);
      expect([JSON.stringify(merge), response.status, response.body.error?.type]).toEqual([JSON.stringify(merge), 422, type]);
    }
    const list = await server.call('GET', `/v0/${baseId}/People?filterByFormula=${encodeURIComponent("OR({Email}='new@x.io', {Email}='z@x.io')")}`);
    expect(list.body.records).toHaveLength(0);
  });

  it('plain batch updates answer no createdRecords/updatedRecords keys', async () => {
    const created = await server.call('POST', `/v0/${baseId}/People`, { fields: { Email: 'p@x.io' } });
    const updated = await server.call('PATCH', `/v0/${baseId}/People`, { records: [{ id: created.body.id, fields: { Age: 1 } }] });
    expect(Object.keys(updated.body)).toEqual(['records']);
  });
});
