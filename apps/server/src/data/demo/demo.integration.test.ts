import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';
import { demoPlan } from './demo.plan';

// The demo CRM through POST /api/v1/demo (the first-start seeding runs only on a data-dir database:
// see the CLI process test).
let server: V0Server;

async function all(baseId: string, table: string): Promise<Json[]> {
  const records: Json[] = [];
  let offset = '';
  do {
    const page = await server.call('GET', `/v0/${baseId}/${table}?pageSize=100${offset ? `&offset=${offset}` : ''}`);
    records.push(...(page.body.records as Json[]));
    offset = page.body.offset ?? '';
  } while (offset);
  return records;
}

beforeAll(async () => {
  server = await startV0Server();
});
afterAll(async () => {
  await server?.stop();
});

describe('demo base', () => {
  it('is a small CRM with links, selects, dates, currency, a formula and a rollup; recreating replaces it', async () => {
    const created = await server.call('POST', '/api/v1/demo');
    expect(created.status).toBe(200);
    expect(created.body.records).toBe(200);
    const baseId = created.body.baseId as string;
    const schema = await server.call('GET', `/v0/meta/bases/${baseId}/tables`);
    const types = Object.fromEntries((schema.body.tables as Json[]).map((table) => [table.name, Object.fromEntries((table.fields as Json[]).map((field) => [field.name, field.type]))]));
    expect(types.Companies).toMatchObject({ Name: 'singleLineText', Industry: 'singleSelect', Contacts: 'multipleRecordLinks', Deals: 'multipleRecordLinks', Pipeline: 'rollup', 'Deal count': 'count' });
    expect(types.Deals).toMatchObject({ Amount: 'currency', Probability: 'percent', 'Close date': 'date', Company: 'multipleRecordLinks', 'Weighted amount': 'formula' });

    const [companies, deals] = [await all(baseId, 'Companies'), await all(baseId, 'Deals')];
    expect(companies.map((record): unknown => record.fields.Name)).toEqual(demoPlan().records.Companies.map((record) => record.fields.Name));
    const byId = new Map<string, Json>(deals.map((deal): [string, Json] => [deal.id as string, deal]));
    for (const company of companies) {
      const linked = ((company.fields.Deals ?? []) as string[]).map((id): Json => byId.get(id));
      expect(company.fields.Pipeline ?? 0).toBe(linked.reduce((sum: number, deal) => sum + (deal.fields.Amount as number), 0));
      expect(company.fields['Deal count']).toBe(linked.length);
    }
    const deal = deals[0];
    expect(deal.fields['Weighted amount']).toBeCloseTo((deal.fields.Amount as number) * ((deal.fields.Probability as number) ?? 0));

    const again = await server.call('POST', '/api/v1/demo');
    expect(again.body.baseId).not.toBe(baseId);
    expect((await server.call('GET', `/v0/${baseId}/Companies`)).status).toBe(403);
    const bases = await server.call('GET', '/v0/meta/bases');
    expect((bases.body.bases as Json[]).filter((base) => base.name === 'Demo CRM')).toHaveLength(1);
    expect((await server.raw('POST', '/api/v1/demo')).status).toBe(401);
  });
});
