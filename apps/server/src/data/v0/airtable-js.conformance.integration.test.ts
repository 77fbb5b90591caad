import Airtable from 'airtable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type V0Server } from '../test/v0.harness';

// The official airtable.js 0.12.2 client, unchanged, against the running server through endpointUrl.
let server: V0Server;
let baseId: string;
let base: Airtable.Base;
beforeAll(async () => {
  server = await startV0Server();
  const created = await server.createBase([
    {
      name: 'Contacts',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Age', type: 'number', options: { precision: 0 } },
        { name: 'Tier', type: 'singleSelect', options: { choices: [{ name: 'gold' }, { name: 'silver' }] } },
        { name: 'Older', type: 'formula', options: { formula: 'Age + 10' } },
      ],
    },
  ]);
  baseId = created.id;
  base = new Airtable({ apiKey: ADMIN_TOKEN, endpointUrl: server.url }).base(baseId);
  const records = Array.from({ length: 23 }, (_, index) => ({ fields: { Name: `p${String(index).padStart(2, '0')}`, Age: index, Tier: index % 2 ? 'gold' : 'silver' } }));
  for (let index = 0; index < records.length; index += 10) await base('Contacts').create(records.slice(index, index + 10));
});
afterAll(async () => {
  await server?.stop();
});

describe('airtable.js 0.12.2 conformance', () => {
  it('select() with every option, firstPage and all', async () => {
    const query = base('Contacts').select({
      fields: ['Name', 'Age'],
      filterByFormula: "AND({Tier} = 'gold', {Age} > 4)",
      maxRecords: 7,
      pageSize: 3,
      sort: [{ field: 'Age', direction: 'desc' }],
      view: 'Grid view',
      cellFormat: 'json',
      timeZone: 'Europe/London',
      userLocale: 'en-gb',
      returnFieldsByFieldId: false,
      recordMetadata: ['commentCount'],
    });
    const first = await query.firstPage();
    expect(first.map((record) => record.get('Age'))).toEqual([21, 19, 17]);
    expect(first[0]!.commentCount).toBe(0);
    expect(first[0]!.fields).toEqual({ Name: 'p21', Age: 21 });
    const all = await query.all();
    expect(all.map((record) => record.get('Age'))).toEqual([21, 19, 17, 15, 13, 11, 9]);
  });

  it('eachPage fetches pages on demand; the POST form works for long filters', async () => {
    const pages: number[] = [];
    await base('Contacts')
      .select({ pageSize: 10 })
      .eachPage((records, fetchNextPage) => {
        pages.push(records.length);
        fetchNextPage();
      });
    expect(pages).toEqual([10, 10, 3]);
    const long = `OR(${Array.from({ length: 1200 }, (_, index) => `{Age}=${index + 100}`).join(',')}, {Name}='p05')`;
    const viaPost = await base('Contacts').select({ filterByFormula: long }).all();
    expect(viaPost.map((record) => record.get('Name'))).toEqual(['p05']);
    const stringCells = await base('Contacts').select({ cellFormat: 'string', timeZone: 'utc', userLocale: 'en-us', maxRecords: 1, fields: ['Age'] }).firstPage();
    expect(stringCells[0]!.fields).toEqual({ Age: '0' });
  });

  it('find, create (single and array, typecast), update, replace, destroy (single and array)', async () => {
    const one = await base('Contacts').create({ Name: 'solo', Age: 40 });
    expect(one.get('Older')).toBe(50);
    const found = await base('Contacts').find(one.id);
    expect(found.fields).toEqual({ Name: 'solo', Age: 40, Older: 50 });
    const many = await base('Contacts').create([{ fields: { Name: 'm1', Tier: 'bronze' } }, { fields: { Name: 'm2', Age: '3' } }], { typecast: true });
    expect(many.map((record) => [record.get('Tier'), record.get('Age')])).toEqual([['bronze', undefined], [undefined, 3]]);
    const updated = await base('Contacts').update(one.id, { Age: 41 });
    expect(updated.fields).toEqual({ Name: 'solo', Age: 41, Older: 51 });
    const updatedMany = await base('Contacts').update([{ id: many[0]!.id, fields: { Age: 1 } }, { id: many[1]!.id, fields: { Name: 'm2b' } }]);
    expect(updatedMany.map((record) => record.get('Name'))).toEqual(['m1', 'm2b']);
    const replaced = await base('Contacts').replace(one.id, { Name: 'only name' });
    expect(replaced.fields).toEqual({ Name: 'only name', Older: 10 });
    const destroyed = await base('Contacts').destroy(one.id);
    expect(destroyed.id).toBe(one.id);
    const destroyedMany = await base('Contacts').destroy(many.map((record) => record.id));
    expect(destroyedMany.map((record) => record.id)).toEqual(many.map((record) => record.id));
    await expect(base('Contacts').find(one.id)).rejects.toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
  });

  it('record.save() is a PUT of every local field, computed ones included: 422 as on Airtable', async () => {
    const record = await base('Contacts').create({ Name: 'saver', Age: 1 });
    await expect(record.save()).rejects.toMatchObject({ statusCode: 422, error: 'INVALID_VALUE_FOR_COLUMN' });
  });

  it('errors reach the client with Airtable codes', async () => {
    await expect(base('Contacts').create({ Nope: 1 })).rejects.toMatchObject({ statusCode: 422, error: 'UNKNOWN_FIELD_NAME' });
    await expect(base('Missing').select().firstPage()).rejects.toMatchObject({ statusCode: 403, error: 'NOT_AUTHORIZED' });
    const anonymous = new Airtable({ apiKey: 'wrong-token', endpointUrl: server.url }).base(baseId);
    await expect(anonymous('Contacts').select().firstPage()).rejects.toMatchObject({ statusCode: 401, error: 'AUTHENTICATION_REQUIRED' });
  });

  // Retrying a 429 runs against the real rate-limit emulation: v0.rate-limit.integration.test.ts.
});
