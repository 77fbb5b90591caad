/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
let baseId: string;

beforeAll(async () => {
  server = await startV0Server();
  const base = await server.createBase([
    { name: 'Parents', fields: [{ name: 'Name', type: 'singleLineText' }] },
    { name: 'Kids', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'N', type: 'number' }] },
  ]);
  baseId = base.id;
  const link = await server.call('POST', `/v0/meta/bases/${baseId}/tables/Kids/fields`, { name: 'Parent', type: 'multipleRecordLinks', options: { linkedTableId: base.tables[0].id } });
  expect(link.status).toBe(200);
  await server.call('POST', `/v0/meta/bases/${baseId}/tables/Parents/fields`, { name: 'Sum', type: 'rollup', options: { recordLinkFieldId: 'Kids', fieldIdInLinkedTable: 'N', formula: 'SUM(values)' } });
  await server.call('POST', `/v0/meta/bases/${baseId}/tables/Parents/fields`, { name: 'Count', type: 'count', options: { recordLinkFieldId: 'Kids' } });
});
afterAll(async () => server?.stop());

describe('concurrent writers', () => {
  it('PATCHes of different fields of one record all land (no lost update)', async () => {
    const base = await server.call('POST', `/v0/meta/bases/${baseId}/tables`, {
      name: 'Wide',
      fields: Array.from({ length: 12 }, (_, index) => ({ name: `F${index}`, type: 'number' })),
    });
    expect(base.status).toBe(200);
    const record = (await server.call('POST', `/v0/${baseId}/Wide`, { fields: {} })).body;
    await Promise.all(Array.from({ length: 12 }, (_, index) => server.call('PATCH', `/v0/${baseId}/Wide/${record.id}`, { fields: { [`F${index}`]: index + 1 } })));
    const read = (await server.call('GET', `/v0/${baseId}/Wide/${record.id}`)).body;
    expect(read.fields).toEqual(Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`F${index}`, index + 1])));
  });

  it('children linked concurrently to one parent: every link and the rollup are exact', async () => {
    const parent = (await server.call('POST', `/v0/${baseId}/Parents`, { fields: { Name: 'p' } })).body;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => server.call('POST', `/v0/${baseId}/Kids`, { fields: { Name: `k${index}`, N: index + 1, Parent: [parent.id] } })),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    const read = (await server.call('GET', `/v0/${baseId}/Parents/${parent.id}`)).body;
    expect(read.fields.Kids).toHaveLength(20);
    expect(new Set(read.fields.Kids)).toEqual(new Set(results.map((result) => result.body.id)));
    expect(read.fields).toMatchObject({ Count: 20, Sum: 210 });
    await Promise.all(results.slice(0, 10).map((result: Json) => server.call('PATCH', `/v0/${baseId}/Kids/${result.body.id}`, { fields: { N: 0 } })));
    expect((await server.call('GET', `/v0/${baseId}/Parents/${parent.id}`)).body.fields.Sum).toBe(155);
  });

  it('concurrent typecasts of the same new choice create it once', async () => {
    await server.call('POST', `/v0/meta/bases/${baseId}/tables/Kids/fields`, { name: 'Mood', type: 'singleSelect', options: { choices: [] } });
    const results = await Promise.all(Array.from({ length: 8 }, () => server.call('POST', `/v0/${baseId}/Kids`, { fields: { Mood: 'happy' }, typecast: true })));
    expect(results.every((result) => result.status === 200 && result.body.fields.Mood === 'happy')).toBe(true);
    const schema = await server.call('GET', `/v0/meta/bases/${baseId}/tables`);
    const mood = schema.body.tables[1].fields.find((field: Json) => field.name === 'Mood');
    expect(mood.options.choices.map((choice: Json) => choice.name)).toEqual(['happy']);
  });
});
