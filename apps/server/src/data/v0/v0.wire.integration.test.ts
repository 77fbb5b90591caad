/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
let baseId: string;
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };
// airtable.js 0.12.2 headers on table and record calls (airtable-api.md §6.1.3).
const AIRTABLE_JS = { ...JSON_AUTH, 'x-api-version': '0.1.0', 'x-airtable-application-id': 'app', 'user-agent': 'Airtable.js/0.12.2' };

beforeAll(async () => {
  server = await startV0Server();
  const base = await server.createBase([
    {
      name: 'My Table',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Age', type: 'number', options: { precision: 0 } },
        { name: 'Total', type: 'formula', options: { formula: 'Age + 1' } },
      ],
    },
  ]);
  baseId = base.id;
  await server.call('POST', `/v0/${baseId}/My%20Table`, {
    records: ['a b', "Jane's", 'c', 'd', 'e', 'f'].map((name, index) => ({ fields: { Name: name, Age: 20 + index } })),
  });
});
afterAll(async () => server?.stop());

const parse = (text: string): Json => JSON.parse(text);

describe('wire forms of airtable.js (§6.1.4)', () => {
  it('select(): GET with encoded brackets, + for spaces, every parameter, then the offset', async () => {
    const query =
      'fields%5B%5D=Name&fields%5B%5D=Age&sort%5B0%5D%5Bfield%5D=Age&sort%5B0%5D%5Bdirection%5D=desc' +
      '&filterByFormula=NOT%28%7BName%7D+%3D+%27a+b%27%29&maxRecords=5&pageSize=2&view=Grid+view&cellFormat=json' +
      '&returnFieldsByFieldId=false&recordMetadata%5B%5D=commentCount&timeZone=America%2FLos_Angeles&userLocale=en-us';
    const first = await server.raw('GET', `/v0/${baseId}/My%20Table?${query}`, { headers: AIRTABLE_JS });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const page = parse(first.text);
    expect(page.records.map((record: Json) => record.fields.Name)).toEqual(['f', 'e']);
    expect(page.records[0]).toEqual({ id: expect.stringMatching(/^rec/), createdTime: expect.any(String), fields: { Name: 'f', Age: 25 }, commentCount: 0 });
    const rest = [];
    let offset = page.offset as string | undefined;
    while (offset) {
      const next = parse((await server.raw('GET', `/v0/${baseId}/My%20Table?${query}&offset=${encodeURIComponent(offset)}`, { headers: AIRTABLE_JS })).text);
      rest.push(...next.records.map((record: Json) => record.fields.Name));
      offset = next.offset;
    }
    expect(rest).toEqual(['d', 'c', "Jane's"]);
  });

  it('select({method: post}) or a long URL: POST listRecords with timeZone/userLocale in the query', async () => {
    const response = await server.raw('POST', `/v0/${baseId}/My%20Table/listRecords?timeZone=utc&userLocale=en-us`, {
      headers: AIRTABLE_JS,
      body: JSON.stringify({ method: 'post', fields: ['Name'], filterByFormula: "{Name} = 'a b'", timeZone: 'utc', userLocale: 'en-us', returnFieldsByFieldId: false }),
    });
    expect(parse(response.text).records.map((record: Json) => record.fields)).toEqual([{ Name: 'a b' }]);
  });

  it('find, create, update, replace and destroy with the trailing ? and / airtable.js sends', async () => {
    const created = await server.raw('POST', `/v0/${baseId}/My%20Table/?`, { headers: AIRTABLE_JS, body: JSON.stringify({ fields: { Name: 'new', Age: '7' }, typecast: true }) });
    expect(created.status).toBe(200);
    const record = parse(created.text);
    expect(record.fields).toEqual({ Name: 'new', Age: 7, Total: 8 });
    const found = await server.raw('GET', `/v0/${baseId}/My%20Table/${record.id}?`, { headers: AIRTABLE_JS });
    expect(parse(found.text).id).toBe(record.id);
    const batch = await server.raw('POST', `/v0/${baseId}/My%20Table/?`, { headers: AIRTABLE_JS, body: JSON.stringify({ records: [{ fields: { Name: 'x' } }, { fields: { Name: 'y' } }] }) });
    const [x, y] = parse(batch.text).records;
    const updated = await server.raw('PATCH', `/v0/${baseId}/My%20Table/?`, { headers: AIRTABLE_JS, body: JSON.stringify({ records: [{ id: x.id, fields: { Age: 1 } }], typecast: false }) });
    expect(parse(updated.text).records[0].fields).toEqual({ Name: 'x', Age: 1, Total: 2 });
    const replaced = await server.raw('PUT', `/v0/${baseId}/My%20Table/${x.id}?`, { headers: AIRTABLE_JS, body: JSON.stringify({ fields: { Name: 'x2' } }) });
    expect(parse(replaced.text).fields).toEqual({ Name: 'x2', Total: 1 });
    const single = await server.raw('DELETE', `/v0/${baseId}/My%20Table/${record.id}?`, { headers: AIRTABLE_JS });
    expect(parse(single.text)).toEqual({ id: record.id, deleted: true });
    const many = await server.raw('DELETE', `/v0/${baseId}/My%20Table?records%5B%5D=${x.id}&records%5B%5D=${y.id}`, { headers: AIRTABLE_JS });
    expect(parse(many.text)).toEqual({ records: [{ id: x.id, deleted: true }, { id: y.id, deleted: true }] });
  });
});

describe('wire forms of pyairtable (§6.2)', () => {
  it('all(): direction before field, returnFieldsByFieldId=1, recordMetadata[]', async () => {
    const response = await server.raw('GET', `/v0/${baseId}/My%20Table?fields%5B%5D=Name&sort%5B0%5D%5Bdirection%5D=asc&sort%5B0%5D%5Bfield%5D=Name&returnFieldsByFieldId=1&recordMetadata%5B%5D=commentCount&maxRecords=2`, { headers: JSON_AUTH });
    const body = parse(response.text);
    expect(body.records).toHaveLength(2);
    expect(Object.keys(body.records[0].fields)[0]).toMatch(/^fld/);
  });

  it('create sends typecast and returnFieldsByFieldId false on every write; batch_upsert and batch_delete', async () => {
    const created = await server.raw('POST', `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body: JSON.stringify({ fields: { Name: 'py' }, typecast: false, returnFieldsByFieldId: false }) });
    expect(created.status).toBe(200);
    const upsert = await server.raw('PATCH', `/v0/${baseId}/My%20Table`, {
      headers: JSON_AUTH,
      body: JSON.stringify({ performUpsert: { fieldsToMergeOn: ['Name'] }, records: [{ fields: { Name: 'py', Age: 3 } }, { fields: { Name: 'py2', Age: 4 } }], typecast: false, returnFieldsByFieldId: false }),
    });
    const result = parse(upsert.text);
    expect(result.updatedRecords).toEqual([parse(created.text).id]);
    expect(result.createdRecords).toEqual([result.records[1].id]);
    const deleted = await server.raw('DELETE', `/v0/${baseId}/My%20Table?records[]=${result.records[0].id}&records[]=${result.records[1].id}`, { headers: JSON_AUTH });
    expect(parse(deleted.text).records).toHaveLength(2);
  });

  it('formulas with escaped quotes, double quotes and offset=""', async () => {
    const formula = encodeURIComponent("OR({Name}='Jane\\'s', {Name}=\"a b\")");
    const response = await server.raw('GET', `/v0/${baseId}/My%20Table?filterByFormula=${formula}&offset=`, { headers: JSON_AUTH });
    expect(parse(response.text).records.map((record: Json) => record.fields.Name).sort()).toEqual(['Jane\'s', 'a b']);
  });

  it('meta: include=visibleFieldIds and include[]=visibleFieldIds', async () => {
    for (const include of ['include=visibleFieldIds', 'include%5B%5D=visibleFieldIds']) {
      const body = parse((await server.raw('GET', `/v0/meta/bases/${baseId}/tables?${include}`, { headers: AUTH })).text);
      expect(body.tables[0].views[0]).toMatchObject({ name: 'Grid view', type: 'grid', visibleFieldIds: body.tables[0].fields.map((field: Json) => field.id) });
    }
    const plain = parse((await server.raw('GET', `/v0/meta/bases/${baseId}/tables`, { headers: AUTH })).text);
    expect(plain.tables[0].views[0].visibleFieldIds).toBeUndefined();
  });
});

describe('errors of §2.9', () => {
  const expectError = (response: { status: number; text: string }, status: number, type: string) => {
    expect([response.status, parse(response.text).error?.type]).toEqual([status, type]);
  };

  it('401 without a token or with a wrong one', async () => {
    expectError(await server.raw('GET', `/v0/${baseId}/My%20Table`), 401, 'AUTHENTICATION_REQUIRED');
    const wrong = await server.raw('GET', `/v0/${baseId}/My%20Table`, { headers: { authorization: 'Bearer nope' } });
    expect(parse(wrong.text)).toEqual({ error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } });
  });

  it('403 for unknown bases and tables, indistinguishable', async () => {
    const base = await server.raw('GET', '/v0/appAAAAAAAAAAAAAA/My%20Table', { headers: AUTH });
    const table = await server.raw('GET', `/v0/${baseId}/Nope`, { headers: AUTH });
    expectError(base, 403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
    expect(table.text).toBe(base.text);
    expectError(await server.raw('GET', '/v0/meta/bases/appAAAAAAAAAAAAAA/tables', { headers: AUTH }), 403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
  });

  it('404 NOT_FOUND (bare string) for unknown routes, MODEL_ID_NOT_FOUND for unknown records', async () => {
    const route = await server.raw('GET', `/v0/${baseId}/My%20Table/recAAAAAAAAAAAAAA/nothing/here`, { headers: AUTH });
    expect([route.status, parse(route.text)]).toEqual([404, { error: 'NOT_FOUND' }]);
    const record = await server.raw('GET', `/v0/${baseId}/My%20Table/recAAAAAAAAAAAAAA`, { headers: AUTH });
    expect([record.status, parse(record.text)]).toEqual([404, { error: { type: 'MODEL_ID_NOT_FOUND', message: 'Record not found' } }]);
    expectError(await server.raw('PATCH', `/v0/${baseId}/My%20Table/recAAAAAAAAAAAAAA`, { headers: JSON_AUTH, body: '{"fields":{}}' }), 404, 'MODEL_ID_NOT_FOUND');
    expectError(await server.raw('DELETE', `/v0/${baseId}/My%20Table/notarecord`, { headers: AUTH }), 404, 'MODEL_ID_NOT_FOUND');
    expectError(await server.raw('PATCH', `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body: '{"records":[{"id":"recAAAAAAAAAAAAAA","fields":{}}]}' }), 422, 'ROW_DOES_NOT_EXIST');
  });

  it('422 for record shapes: missing fields, more than 10, elements without id', async () => {
    const post = (body: string) => server.raw('POST', `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body });
    expect(parse((await post('{}')).text)).toEqual({ error: { type: 'INVALID_REQUEST_MISSING_FIELDS', message: 'Could not find field "fields" in the request body' } });
    const eleven = JSON.stringify({ records: Array.from({ length: 11 }, () => ({ fields: {} })) });
    expect(parse((await post(eleven)).text).error).toEqual({ type: 'INVALID_RECORDS', message: 'A maximum of 10 records can be created per request but you have provided 11.' });
    expectError(await post('{"records":[{"nofields":1}]}'), 422, 'INVALID_RECORDS');
    expectError(await post('{"records":[]}'), 422, 'INVALID_RECORDS');
    expectError(await server.raw('PATCH', `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body: '{"records":[{"fields":{}}]}' }), 422, 'INVALID_RECORDS');
    expectError(await server.raw('DELETE', `/v0/${baseId}/My%20Table?${Array.from({ length: 11 }, () => 'records[]=recAAAAAAAAAAAAAA').join('&')}`, { headers: AUTH }), 422, 'INVALID_RECORDS');
  });

  it('garbage bodies are 400/422 JSON errors, never 500', async () => {
    const bodies = ['{not json', '[1,2]', '"text"', 'null', '42', '\u0000\u0001', '{"fields":[]}', '{"fields":"x"}', '{"records":"x"}', '{"records":[null]}', '{"fields":{"Name":{"deep":[1]}}}', '{"typecast":"maybe","fields":{}}'];
    for (const body of bodies) {
      for (const method of ['POST', 'PATCH', 'PUT']) {
        const response = await server.raw(method, `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body });
        expect(response.status, `${method} ${body}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${body}`).toBeLessThan(500);
        expect(typeof parse(response.text).error.type).toBe('string');
      }
    }
    const listBody = await server.raw('POST', `/v0/${baseId}/My%20Table/listRecords`, { headers: JSON_AUTH, body: '{"sort":"Name","fields":"Name"}' });
    expectError(listBody, 422, 'INVALID_REQUEST_UNKNOWN');
    const bad = await server.raw('POST', '/v0/meta/bases', { headers: JSON_AUTH, body: '{"name":1,"tables":[{"fields":[{"type":"nope"}]}]}' });
    expect(bad.status).toBe(422);
  });

  it('invalid JSON is 400 INVALID_REQUEST_UNKNOWN; an empty body with a JSON content type is fine', async () => {
    expectError(await server.raw('POST', `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body: '{' }), 400, 'INVALID_REQUEST_UNKNOWN');
    expect((await server.raw('GET', `/v0/${baseId}/My%20Table?`, { headers: JSON_AUTH })).status).toBe(200);
    expect((await server.raw('DELETE', `/v0/${baseId}/My%20Table/recAAAAAAAAAAAAAA?`, { headers: JSON_AUTH })).status).toBe(404);
  });

  it('URLs over 16,000 characters are refused with 414', async () => {
    const response = await server.raw('GET', `/v0/${baseId}/My%20Table?filterByFormula=${'x'.repeat(16_100)}`, { headers: AUTH });
    expect(response.status).toBe(414);
  });

  it('a record id of another table is unknown here; typecast in the query is ignored; one record twice merges', async () => {
    const other = await server.createBase([{ name: 'Else', fields: [{ name: 'Name', type: 'singleLineText' }] }]);
    const foreign = await server.call('POST', `/v0/${other.id}/Else`, { fields: { Name: 'f' } });
    const read = await server.raw('GET', `/v0/${baseId}/My%20Table/${foreign.body.id}`, { headers: AUTH });
    expectError(read, 404, 'MODEL_ID_NOT_FOUND');
    const queryTypecast = await server.raw('POST', `/v0/${baseId}/My%20Table?typecast=true`, { headers: JSON_AUTH, body: '{"fields":{"Age":"7"}}' });
    expectError(queryTypecast, 422, 'INVALID_VALUE_FOR_COLUMN');
    const created = parse((await server.raw('POST', `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body: '{"fields":{}}' })).text);
    const twice = await server.call('PATCH', `/v0/${baseId}/My%20Table`, {
      records: [
        { id: created.id, fields: { Name: 'first', Age: 1 } },
        { id: created.id, fields: { Name: 'second' } },
      ],
    });
    expect(twice.body.records.map((record: Json) => record.fields)).toEqual([
      { Name: 'second', Age: 1, Total: 2 },
      { Name: 'second', Age: 1, Total: 2 },
    ]);
  });

  it('sorts and selects by field id as well as by name', async () => {
    const schema = parse((await server.raw('GET', `/v0/meta/bases/${baseId}/tables`, { headers: AUTH })).text);
    const [name, age] = schema.tables[0].fields;
    const response = await server.raw('GET', `/v0/${baseId}/My%20Table?sort%5B0%5D%5Bfield%5D=${age.id}&sort%5B0%5D%5Bdirection%5D=desc&fields%5B%5D=${name.id}&maxRecords=1`, { headers: AUTH });
    expect(parse(response.text).records[0].fields).toEqual({ Name: 'f' });
  });

  it('every success is a 200 JSON object', async () => {
    const created = await server.raw('POST', `/v0/${baseId}/My%20Table`, { headers: JSON_AUTH, body: '{"fields":{}}' });
    expect(created.status).toBe(200);
    expect(parse(created.text)).toMatchObject({ id: expect.stringMatching(/^rec/), createdTime: expect.any(String), fields: { Total: 1 } });
    expect(created.headers.get('x-tableport-change-set')).toMatch(/^chg/);
  });
});
