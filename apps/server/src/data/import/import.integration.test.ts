import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../test/v0.harness';

// `POST /api/v1/imports/airtable` copying a base over real HTTP from an Airtable-compatible /v0:
// this server's own (the outbound guard lets 127.0.0.1 through here).
let server: V0Server;
let source: { id: string; tables: Json[] };

async function records(baseId: string, table: string): Promise<Json[]> {
  const response = await server.call('GET', `/v0/${baseId}/${encodeURIComponent(table)}?pageSize=100`);
  return response.body.records as Json[];
}
const byName = (list: Json[]) => new Map(list.map((record): [string, Json] => [String(record.fields.Name ?? record.fields.Title), record]));

beforeAll(async () => {
  server = await startV0Server({ env: { TABLEPORT_OUTBOUND_ALLOW: '127.0.0.1' } });
  source = await server.createBase(
    [
      {
        name: 'Companies',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Tier', type: 'singleSelect', options: { choices: [{ name: 'gold', color: 'yellowBright' }, { name: 'silver' }] } },
          { name: 'Since', type: 'date', options: { dateFormat: { name: 'iso' } } },
        ],
      },
      {
        name: 'Deals',
        fields: [
          { name: 'Title', type: 'singleLineText' },
          { name: 'Amount', type: 'currency', options: { precision: 2, symbol: '€' } },
          { name: 'Won', type: 'checkbox' },
        ],
      },
    ],
    'Sales',
  );
  const [companies, deals] = source.tables.map((table) => table.id as string);
  const call = (path: string, body: unknown) => server.call('POST', `/v0/meta/bases/${source.id}/tables/${path}`, body);
  const link = await call(`${deals}/fields`, { name: 'Company', type: 'multipleRecordLinks', options: { linkedTableId: companies } });
  await server.call('PATCH', `/v0/meta/bases/${source.id}/tables/${companies}/fields/${link.body.options.inverseLinkFieldId}`, { name: 'Deals' });
  await call(`${deals}/fields`, { name: 'Double', type: 'formula', options: { formula: '{Amount} * 2' } });
  await call(`${deals}/fields`, { name: 'Label', type: 'formula', options: { formula: "Title & ': ' & Double" } });
  await call(`${companies}/fields`, { name: 'Pipeline', type: 'rollup', options: { recordLinkFieldId: link.body.options.inverseLinkFieldId, fieldIdInLinkedTable: (source.tables[1].fields as Json[])[1].id, formula: 'MAX(values)' } });
  await call(`${companies}/fields`, { name: 'Deal count', type: 'count', options: { recordLinkFieldId: link.body.options.inverseLinkFieldId } });
  await call(`${deals}/fields`, { name: 'Company tier', type: 'multipleLookupValues', options: { recordLinkFieldId: link.body.id, fieldIdInLinkedTable: (source.tables[0].fields as Json[])[1].id } });
  const made = await server.call('POST', `/v0/${source.id}/Companies`, { records: [{ fields: { Name: 'Acme', Tier: 'gold', Since: '2020-05-01' } }, { fields: { Name: 'Beta', Tier: 'silver' } }] });
  const [acme, beta] = (made.body.records as Json[]).map((record) => record.id as string);
  await server.call('POST', `/v0/${source.id}/Deals`, {
    records: [
      { fields: { Title: 'd1', Amount: 10.5, Won: true, Company: [acme] } },
      { fields: { Title: 'd2', Amount: 20, Company: [acme] } },
      { fields: { Title: 'd3', Amount: 5, Company: [beta] } },
      { fields: { Title: 'd4', Amount: 1 } },
    ],
  });
});
afterAll(async () => {
  await server?.stop();
});

describe('import from an Airtable-compatible API', () => {
  it('copies schema, records, links and computed fields into a new base with new ids', async () => {
    const response = await server.call('POST', '/api/v1/imports/airtable', { baseId: source.id, token: ADMIN_TOKEN, endpointUrl: server.url });
    expect(response.status).toBe(200);
    const report = response.body;
    expect(report).toMatchObject({ name: 'Sales', skipped: [], rejectedRecords: [] });
    expect(report.baseId).not.toBe(source.id);
    expect((report.tables as Json[]).map((table): unknown[] => [table.name, table.records])).toEqual([['Companies', 2], ['Deals', 4]]);

    const [before, after] = (await Promise.all([source.id, report.baseId as string].map((id) => server.call('GET', `/v0/meta/bases/${id}/tables`)))) as [Json, Json];
    const shape = (tables: Json[]) => tables.map((table): unknown[] => [table.name, (table.fields as Json[]).map((field) => `${field.name}:${field.type}`)]);
    expect(shape(after.body.tables)).toEqual(shape(before.body.tables));
    for (const table of ['Companies', 'Deals']) {
      const [old, copy] = [byName(await records(source.id, table)), byName(await records(report.baseId, table))];
      expect([...copy.keys()]).toEqual([...old.keys()]);
      for (const [name, record] of copy) {
        expect(record.id).not.toBe(old.get(name).id);
        const plain = (fields: Json): Json => ({ ...fields, Company: undefined, Deals: undefined });
        expect(plain(record.fields)).toEqual(plain(old.get(name).fields));
      }
    }
    const companies = byName(await records(report.baseId, 'Companies'));
    const deals = byName(await records(report.baseId, 'Deals'));
    expect(deals.get('d1').fields.Company).toEqual([companies.get('Acme').id]);
    expect(companies.get('Acme').fields.Deals).toEqual([deals.get('d1').id, deals.get('d2').id]);
    expect(companies.get('Acme').fields).toMatchObject({ Pipeline: 20, 'Deal count': 2 });
    expect(deals.get('d3').fields['Company tier']).toEqual(['silver']);
  });

  it('answers a clear error when the source refuses', async () => {
    const refused = await server.call('POST', '/api/v1/imports/airtable', { baseId: source.id, token: 'wrong-token', endpointUrl: server.url });
    expect([refused.status, refused.body.error.code]).toEqual([502, 'import.source_failed']);
    const blocked = await server.call('POST', '/api/v1/imports/airtable', { baseId: source.id, token: ADMIN_TOKEN, endpointUrl: 'http://10.0.0.1' });
    expect(blocked.body.error.code).toBe('outbound.blocked');
  });
});
