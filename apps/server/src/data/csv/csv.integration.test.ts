import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../test/v0.harness';
import { parseCsv } from './csv.format';

// CSV import and export of a table on /api/v1, through the data service.
let server: V0Server;
let baseId: string;
const csvUrl = (table: string, query = '') => `/api/v1/bases/${baseId}/tables/${encodeURIComponent(table)}/csv${query}`;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function importCsv(table: string, text: string, query = ''): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${server.url}${csvUrl(table, query)}`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: text });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  server = await startV0Server();
  const base = await server.createBase([
    {
      name: 'People',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Age', type: 'number', options: { precision: 0 } },
        { name: 'Joined', type: 'date', options: { dateFormat: { name: 'iso' } } },
        { name: 'Tier', type: 'singleSelect', options: { choices: [{ name: 'gold' }] } },
        { name: 'Active', type: 'checkbox' },
        { name: 'Label', type: 'formula', options: { formula: "Name & ' (' & Age & ')'" } },
      ],
    },
  ]);
  baseId = base.id;
});
afterAll(async () => {
  await server?.stop();
});

describe('CSV', () => {
  it('imports rows with typecast, in batches, and reports what it could not take', async () => {
    const lines = [
      'Name,age,Joined,Tier,Active,Extra,Label',
      '"Smith, Jo",42,2024-01-02,gold,true,x,ignored',
      '"Multi\nline",7,,silver,,,',
      'Bad age,not a number,,,,,',
      '',
      'Too,many,,,,,,,cells',
      ...Array.from({ length: 60 }, (_, index) => `p${index},${index},,,,,`),
    ];
    const report = await importCsv('People', lines.join('\r\n'));
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ created: 62, createdFields: [], ignoredColumns: ['Extra', 'Label'] });
    expect(report.body.rejected).toEqual([
      { row: 4, code: 'value.invalid', message: expect.any(String) },
      { row: 6, code: 'csv.invalid', message: 'The row has 9 fields; the header has 7' },
    ]);
    const listed = await server.call('GET', `/v0/${baseId}/People?filterByFormula=${encodeURIComponent("{Name}='Smith, Jo'")}`);
    expect(listed.body.records[0].fields).toMatchObject({ Name: 'Smith, Jo', Age: 42, Joined: '2024-01-02', Tier: 'gold', Active: true, Label: 'Smith, Jo (42)' });

    const more = await importCsv('People', 'Name,Extra\nwith extra,hello\n', '?createFields=true');
    expect(more.body).toMatchObject({ created: 1, createdFields: ['Extra'], ignoredColumns: [], rejected: [] });
  });

  it('exports RFC 4180 CSV with cells as strings, all fields or the ones asked for', async () => {
    const response = await fetch(`${server.url}${csvUrl('People')}`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(['Name', 'Age', 'Joined', 'Tier', 'Active', 'Label', 'Extra']);
    expect(rows.find((row) => row[0] === 'Smith, Jo')).toEqual(['Smith, Jo', '42', '2024-01-02', 'gold', 'checked', 'Smith, Jo (42)', '']);
    expect(rows.find((row) => row[0] === 'Multi\nline')?.[3]).toBe('silver');
    expect(rows).toHaveLength(1 + 63);

    const narrow = await fetch(`${server.url}${csvUrl('People', `?fields=Age,Name&filterByFormula=${encodeURIComponent('{Age}>=59')}`)}`, { headers: auth });
    expect(parseCsv(await narrow.text())).toEqual([
      ['Age', 'Name'],
      ['59', 'p59'],
    ]);
    expect((await fetch(`${server.url}${csvUrl('People')}`)).status).toBe(401);
    const missing = await fetch(`${server.url}${csvUrl('Nope')}`, { headers: auth });
    expect(missing.status).toBe(404);
  });
});
