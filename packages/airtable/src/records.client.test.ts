import { AppError } from '@tableport/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeRecord,
  peerClient,
  startAirtablePeer,
  TEST_TOKEN,
  type AirtablePeer,
} from '../test/airtable-peer';
import type { AirtableClient } from './airtable.client';

let peer: AirtablePeer;
let client: AirtableClient;
const table = { baseId: 'appBase0000000001', tableIdOrName: 'My Table' };

beforeAll(async () => {
  peer = await startAirtablePeer();
  client = peerClient(peer);
});
afterAll(() => peer.close());
beforeEach(() => peer.reset());

describe('records: list one page', () => {
  it('sends every parameter in the form-encoded wire form', async () => {
    peer.reply({ json: { records: [fakeRecord('recA', { Name: 'a' })], offset: 'itrX/recA' } });
    const page = await client.records.list({
      ...table,
      fields: ['Name', 'Due Date'],
      filterByFormula: "{Name} = 'a b'",
      sort: [{ field: 'Name', direction: 'desc' }, { field: 'Age' }],
      view: 'Grid view',
      pageSize: 2,
      maxRecords: 5,
      offset: 'itrPrev/rec1',
      cellFormat: 'string',
      timeZone: 'Europe/Paris',
      userLocale: 'fr',
      returnFieldsByFieldId: true,
      recordMetadata: ['commentCount'],
    });
    const sent = peer.only();
    expect(sent.method).toBe('GET');
    expect(sent.path).toBe('/v0/appBase0000000001/My%20Table');
    expect(sent.query).toBe(
      'fields%5B%5D=Name&fields%5B%5D=Due+Date' +
        '&sort%5B0%5D%5Bfield%5D=Name&sort%5B0%5D%5Bdirection%5D=desc&sort%5B1%5D%5Bfield%5D=Age' +
        '&filterByFormula=%7BName%7D+%3D+%27a+b%27&maxRecords=5&pageSize=2&view=Grid+view' +
        '&cellFormat=string&returnFieldsByFieldId=true&recordMetadata%5B%5D=commentCount' +
        '&timeZone=Europe%2FParis&userLocale=fr&offset=itrPrev%2Frec1',
    );
    expect(sent.body).toBe('');
    expect(sent.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(sent.headers.accept).toBe('application/json');
    expect(sent.headers['user-agent']).toBe('Tableport');
    expect(sent.headers['content-type']).toBeUndefined();
    expect(page).toEqual({ records: [fakeRecord('recA', { Name: 'a' })], offset: 'itrX/recA' });
  });

  it('sends no query string without parameters and reads the last page without offset', async () => {
    peer.reply({ json: { records: [] } });
    expect(await client.records.list(table)).toEqual({ records: [] });
    expect(peer.only().query).toBe('');
  });

  it('keeps unknown keys and unknown cell shapes (tolerant schema)', async () => {
    const record = {
      ...fakeRecord('recA', { X: { brandNew: [1, { deep: true }] } }),
      futureKey: 1,
      commentCount: 2,
    };
    peer.reply({ json: { records: [record], somethingNew: true } });
    const page = await client.records.list(table);
    expect(page.records[0]).toEqual(record);
  });

  it('switches to POST listRecords when the URL would exceed the limit, keeping timeZone/userLocale in the query', async () => {
    peer.reply({ json: { records: [] } });
    const formula = `OR(${Array.from({ length: 1200 }, (_, index) => `{Name}='n${index}'`).join(',')})`;
    await client.records.list({
      ...table,
      filterByFormula: formula,
      fields: ['Name'],
      pageSize: 50,
      timeZone: 'utc',
      userLocale: 'en-gb',
      offset: 'itr1/rec1',
      sort: [{ field: 'Name' }],
    });
    const sent = peer.only();
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v0/appBase0000000001/My%20Table/listRecords');
    expect(sent.query).toBe('timeZone=utc&userLocale=en-gb');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual({
      fields: ['Name'],
      sort: [{ field: 'Name' }],
      filterByFormula: formula,
      pageSize: 50,
      offset: 'itr1/rec1',
    });
  });
});

describe('records: single-record calls', () => {
  it('gets a record with cell format options', async () => {
    peer.reply({ json: fakeRecord('recA') });
    const record = await client.records.get({ ...table, recordId: 'recA', returnFieldsByFieldId: true });
    expect(record.id).toBe('recA');
    const sent = peer.only();
    expect([sent.method, sent.path, sent.query]).toEqual([
      'GET',
      '/v0/appBase0000000001/My%20Table/recA',
      'returnFieldsByFieldId=true',
    ]);
  });

  it('creates one record with the single-record body and typecast', async () => {
    peer.reply({ json: fakeRecord('recN', { Name: 'x' }) });
    const record = await client.records.create({ ...table, fields: { Name: 'x' }, typecast: true });
    expect(record.fields).toEqual({ Name: 'x' });
    const sent = peer.only();
    expect([sent.method, sent.path, sent.query]).toEqual(['POST', '/v0/appBase0000000001/My%20Table', '']);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body).toBe('{"fields":{"Name":"x"},"typecast":true}');
  });

  it('updates with PATCH and replaces with PUT', async () => {
    peer.reply({ json: fakeRecord('recA') }, { json: fakeRecord('recA') });
    await client.records.update({
      ...table,
      recordId: 'recA',
      fields: { Name: 'y' },
      returnFieldsByFieldId: true,
    });
    await client.records.replace({ ...table, recordId: 'recA', fields: { Name: null } });
    expect(peer.requests.map((sent) => [sent.method, sent.path, sent.body])).toEqual([
      [
        'PATCH',
        '/v0/appBase0000000001/My%20Table/recA',
        '{"fields":{"Name":"y"},"returnFieldsByFieldId":true}',
      ],
      ['PUT', '/v0/appBase0000000001/My%20Table/recA', '{"fields":{"Name":null}}'],
    ]);
  });

  it('deletes one record', async () => {
    peer.reply({ json: { id: 'recA', deleted: true } });
    expect(await client.records.delete({ ...table, recordId: 'recA' })).toEqual({
      id: 'recA',
      deleted: true,
    });
    const sent = peer.only();
    expect([sent.method, sent.path, sent.query, sent.body]).toEqual([
      'DELETE',
      '/v0/appBase0000000001/My%20Table/recA',
      '',
      '',
    ]);
  });
});

describe('records: batches', () => {
  it('creates a batch with typecast, in the records form', async () => {
    peer.reply({ json: { records: [fakeRecord('rec1'), fakeRecord('rec2')] } });
    const records = await client.records.createMany({
      ...table,
      records: [{ fields: { A: 1 } }, { fields: { A: 2 } }],
      typecast: true,
    });
    expect(records.map((record) => record.id)).toEqual(['rec1', 'rec2']);
    expect(peer.only().body).toBe('{"records":[{"fields":{"A":1}},{"fields":{"A":2}}],"typecast":true}');
  });

  it('updates and replaces batches with PATCH and PUT on the table path', async () => {
    peer.reply({ json: { records: [fakeRecord('rec1')] } }, { json: { records: [fakeRecord('rec1')] } });
    await client.records.updateMany({ ...table, records: [{ id: 'rec1', fields: { A: 1 } }] });
    await client.records.replaceMany({ ...table, records: [{ id: 'rec1', fields: {} }], typecast: false });
    expect(peer.requests.map((sent) => [sent.method, sent.path, sent.body])).toEqual([
      ['PATCH', '/v0/appBase0000000001/My%20Table', '{"records":[{"id":"rec1","fields":{"A":1}}]}'],
      ['PUT', '/v0/appBase0000000001/My%20Table', '{"records":[{"id":"rec1","fields":{}}],"typecast":false}'],
    ]);
  });

  it('upserts with performUpsert and reports created and updated ids', async () => {
    const answer = {
      records: [fakeRecord('rec1'), fakeRecord('rec2')],
      createdRecords: ['rec2'],
      updatedRecords: ['rec1'],
    };
    peer.reply({ json: answer }, { json: answer });
    const result = await client.records.upsert({
      ...table,
      fieldsToMergeOn: ['Email'],
      records: [{ fields: { Email: 'a@x' } }, { id: 'rec2', fields: { Email: 'b@x' } }],
    });
    await client.records.upsert({
      ...table,
      fieldsToMergeOn: ['Email'],
      records: [{ fields: { Email: 'a@x' } }],
      mode: 'replace',
    });
    expect(result).toEqual(answer);
    expect(peer.requests.map((sent) => [sent.method, sent.path])).toEqual([
      ['PATCH', '/v0/appBase0000000001/My%20Table'],
      ['PUT', '/v0/appBase0000000001/My%20Table'],
    ]);
    expect(peer.requests[0]!.body).toBe(
      '{"performUpsert":{"fieldsToMergeOn":["Email"]},"records":[{"fields":{"Email":"a@x"}},{"id":"rec2","fields":{"Email":"b@x"}}]}',
    );
  });

  it('rejects an upsert answer without createdRecords/updatedRecords as invalid_response', async () => {
    peer.reply({ json: { records: [fakeRecord('rec1')] } });
    const error = await client.records
      .upsert({ ...table, fieldsToMergeOn: ['A'], records: [{ fields: { A: 1 } }] })
      .catch((caught: unknown) => caught);
    expect(AppError.isInstance(error) && error.code).toBe('airtable.invalid_response');
  });

  it('deletes a batch with records[] in the query and no body', async () => {
    peer.reply({
      json: {
        records: [
          { id: 'recA', deleted: true },
          { id: 'recB', deleted: true },
        ],
      },
    });
    const deleted = await client.records.deleteMany({ ...table, recordIds: ['recA', 'recB'] });
    expect(deleted).toEqual([
      { id: 'recA', deleted: true },
      { id: 'recB', deleted: true },
    ]);
    const sent = peer.only();
    expect([sent.method, sent.path, sent.query, sent.body]).toEqual([
      'DELETE',
      '/v0/appBase0000000001/My%20Table',
      'records%5B%5D=recA&records%5B%5D=recB',
      '',
    ]);
  });

  it.each([
    [
      'createMany',
      () =>
        client.records.createMany({ ...table, records: Array.from({ length: 11 }, () => ({ fields: {} })) }),
    ],
    [
      'updateMany',
      () =>
        client.records.updateMany({
          ...table,
          records: Array.from({ length: 11 }, (_, index) => ({ id: `rec${index}`, fields: {} })),
        }),
    ],
    ['replaceMany', () => client.records.replaceMany({ ...table, records: [] })],
    [
      'upsert',
      () =>
        client.records.upsert({
          ...table,
          fieldsToMergeOn: ['A'],
          records: Array.from({ length: 12 }, () => ({ fields: {} })),
        }),
    ],
    [
      'deleteMany',
      () =>
        client.records.deleteMany({
          ...table,
          recordIds: Array.from({ length: 11 }, (_, index) => `rec${index}`),
        }),
    ],
  ])('%s refuses more than 10 (or no) records before sending anything', async (_name, call) => {
    const error = await call().catch((caught: unknown) => caught);
    expect(AppError.isInstance(error)).toBe(true);
    expect((error as AppError).code).toBe('airtable.invalid_batch');
    expect((error as AppError).message).toMatch(/1 to 10 records.*chunk\(\)/);
    expect(peer.requests).toHaveLength(0);
  });
});
