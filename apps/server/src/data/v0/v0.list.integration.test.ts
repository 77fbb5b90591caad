/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
let baseId: string;
let table: Json;
const COLORS = ['red', 'green', 'blue'];

beforeAll(async () => {
  server = await startV0Server();
  const base = await server.createBase([
    {
      name: 'Items',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Size', type: 'number', options: { precision: 0 } },
        { name: 'Color', type: 'singleSelect', options: { choices: COLORS.map((name) => ({ name })) } },
        { name: 'When', type: 'date', options: { dateFormat: { name: 'us' } } },
        { name: 'Price', type: 'currency', options: { precision: 2, symbol: '$' } },
        { name: 'Ok', type: 'checkbox' },
        { name: 'Size x2', type: 'formula', options: { formula: 'Size * 2' } },
      ],
    },
  ]);
  baseId = base.id;
  table = base.tables[0];
  for (let batch = 0; batch < 5; batch++) {
    const records = Array.from({ length: 10 }, (_, index) => {
      const n = batch * 10 + index;
      return {
        fields: {
          Name: `item ${String(n).padStart(2, '0')}`,
          Size: n % 7,
          Color: COLORS[n % 3],
          When: `2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
          Price: n * 1.5,
          Ok: n % 2 === 0,
        },
      };
    });
    const response = await server.call('POST', `/v0/${baseId}/Items`, { records });
    expect(response.status).toBe(200);
  }
});
afterAll(async () => server?.stop());

const list = (query: string) => server.call('GET', `/v0/${baseId}/Items?${query}`);
const names = (body: Json) => body.records.map((record: Json) => record.fields.Name as string);
const q = encodeURIComponent;

async function all(query: string): Promise<{ pages: number[]; names: string[] }> {
  const pages: number[] = [];
  const out: string[] = [];
  let offset = '';
  do {
    const response = await list(`${query}${offset ? `&offset=${q(offset)}` : ''}`);
    expect(response.status).toBe(200);
    pages.push(response.body.records.length);
    out.push(...names(response.body));
    offset = response.body.offset ?? '';
  } while (offset);
  return { pages, names: out };
}

describe('list records', () => {
  it('returns creation order by default, 100 per page, and no offset on the last page', async () => {
    const response = await list('');
    expect(response.body.records).toHaveLength(50);
    expect(response.body.offset).toBeUndefined();
    expect(names(response.body)[0]).toBe('item 00');
    expect(names(response.body)[49]).toBe('item 49');
  });

  it('pages with pageSize and caps the total with maxRecords (10, 10, 5)', async () => {
    expect((await all('pageSize=10&maxRecords=25')).pages).toEqual([10, 10, 5]);
    const pages = await all('pageSize=7');
    expect(pages.pages).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
    expect(new Set(pages.names).size).toBe(50);
  });

  it('filters through SQL and sorts by several keys with ties broken by creation order', async () => {
    const result = await all(`filterByFormula=${q('AND({Size} >= 3, {Color} = "red")')}&sort[0][field]=Size&sort[0][direction]=desc&sort[1][field]=Name&pageSize=4`);
    const expected = Array.from({ length: 50 }, (_, n) => n)
      .filter((n) => n % 7 >= 3 && n % 3 === 0)
      .sort((a, b) => (b % 7) - (a % 7) || a - b)
      .map((n) => `item ${String(n).padStart(2, '0')}`);
    expect(result.names).toEqual(expected);
  });

  it('sorts single selects by choice order, checkboxes and dates; blanks first ascending', async () => {
    const byColor = await all('sort[0][field]=Color&sort[0][direction]=desc&fields[]=Name&fields[]=Color');
    expect(byColor.names.slice(0, 3)).toEqual(['item 02', 'item 05', 'item 08']);
    const blank = await server.call('POST', `/v0/${baseId}/Items`, { fields: { Name: 'blank' } });
    const bySize = await list('sort[0][field]=Size&maxRecords=2');
    expect(names(bySize.body)[0]).toBe('blank');
    await server.call('DELETE', `/v0/${baseId}/Items/${blank.body.id}`);
  });

  it('filters in process where SQL cannot (FIND on a formula result, REGEX)', async () => {
    const result = await all(`filterByFormula=${q('AND(REGEX_MATCH({Name}, "item 1[0-2]"), {Size x2} > 4)')}`);
    expect(result.names).toEqual(['item 10', 'item 11', 'item 12']);
    const paged = await all(`filterByFormula=${q('REGEX_MATCH({Name}, "^item [0-3]")')}&pageSize=15&sort[0][field]=Size x2`);
    expect(paged.pages).toEqual([15, 15, 10]);
  });

  it('fields[] selects fields; returnFieldsByFieldId keys by id (true or 1)', async () => {
    const response = await list('fields%5B%5D=Name&fields%5B%5D=Size&maxRecords=1');
    expect(Object.keys(response.body.records[0].fields).sort()).toEqual(['Name', 'Size']);
    const byId = await list('fields[0]=Size&fields[1]=Name&returnFieldsByFieldId=1&maxRecords=2');
    const nameId = table.fields[0].id;
    expect(byId.body.records[1].fields[nameId]).toBe('item 01');
    expect(byId.body.records[1].fields[table.fields[1].id]).toBe(1);
  });

  it('cellFormat=string renders with the locale and requires timeZone and userLocale', async () => {
    const response = await list(`cellFormat=string&timeZone=Europe/Paris&userLocale=en-us&filterByFormula=${q("{Name}='item 11'")}`);
    expect(response.body.records[0].fields).toMatchObject({ Name: 'item 11', Size: '4', Color: 'blue', When: '1/12/2024', Price: '$16.50' });
    const missing = await list('cellFormat=string');
    expect(missing.status).toBe(422);
    expect(missing.body.error.type).toBe('INVALID_REQUEST_UNKNOWN');
  });

  it('recordMetadata[]=commentCount adds commentCount', async () => {
    const response = await list('recordMetadata[]=commentCount&maxRecords=2');
    expect(response.body.records.map((record: Json) => record.commentCount)).toEqual([0, 0]);
  });

  it('POST listRecords takes the same parameters in the body', async () => {
    const response = await server.call('POST', `/v0/${baseId}/Items/listRecords?timeZone=utc&userLocale=en-us`, {
      method: 'post',
      filterByFormula: '{Color} = "green"',
      sort: [{ field: 'Size', direction: 'desc' }],
      fields: ['Name', 'Size'],
      pageSize: 5,
      maxRecords: 7,
    });
    expect(response.status).toBe(200);
    expect(response.body.records).toHaveLength(5);
    const next = await server.call('POST', `/v0/${baseId}/Items/listRecords`, {
      filterByFormula: '{Color} = "green"',
      sort: [{ field: 'Size', direction: 'desc' }],
      pageSize: 5,
      maxRecords: 7,
      offset: response.body.offset,
    });
    expect(next.body.records).toHaveLength(2);
    expect(next.body.offset).toBeUndefined();
  });

  it('views: filter and sort of the view, hidden fields still returned; unknown views 422', async () => {
    await server.app.context.db.query(
      `INSERT INTO data_views (id, table_id, base_id, name, type, position, filter_formula, sorts)
       VALUES ('viwBigOnes0000000', $1, $2, 'Big ones', 'grid', 1, '{Size} >= 5', $3::jsonb)`,
      [table.id, baseId, JSON.stringify([{ fieldId: table.fields[1].id, direction: 'desc' }])],
    );
    await server.app.context.db.query('UPDATE data_bases SET schema_version = schema_version + 1 WHERE id = $1', [baseId]);
    const response = await list(`view=${q('Big ones')}&filterByFormula=${q("{Color}='red'")}`);
    expect(response.body.records.every((record: Json) => record.fields.Size >= 5 && record.fields.Color === 'red')).toBe(true);
    expect(response.body.records[0].fields.Size).toBe(6);
    expect((await list('view=viwBigOnes0000000')).status).toBe(200);
    expect((await list('view=Grid+view')).body.records).toHaveLength(50);
    expect((await list('view=Nope')).body.error.type).toBe('VIEW_NAME_NOT_FOUND');
    expect((await list('view=viwNOPE0000000000')).body.error.type).toBe('VIEW_ID_NOT_FOUND');
  });

  it('offsets: empty = first page; unknown, malformed or changed parameters = LIST_RECORDS_ITERATOR_NOT_AVAILABLE', async () => {
    expect((await list('offset=&pageSize=3')).body.records).toHaveLength(3);
    const first = await list('pageSize=3');
    expect(first.body.offset).toMatch(/^itr[A-Za-z0-9]{14}\/3$/);
    const changed = await list(`pageSize=3&offset=${q(first.body.offset)}&filterByFormula=${q('{Size}=1')}`);
    expect(changed.status).toBe(422);
    expect(changed.body.error.type).toBe('LIST_RECORDS_ITERATOR_NOT_AVAILABLE');
    expect((await list('offset=itrAAAAAAAAAAAAAA/3')).body.error.type).toBe('LIST_RECORDS_ITERATOR_NOT_AVAILABLE');
    expect((await list('offset=garbage')).body.error.type).toBe('LIST_RECORDS_ITERATOR_NOT_AVAILABLE');
    await server.app.context.db.query("UPDATE data_list_iterators SET expires_at = now() - interval '1 second'");
    expect((await list(`pageSize=3&offset=${q(first.body.offset)}`)).body.error.type).toBe('LIST_RECORDS_ITERATOR_NOT_AVAILABLE');
  });

  it('bad parameters answer 422, never 500', async () => {
    for (const query of ['pageSize=101', 'pageSize=0', 'pageSize=abc', 'maxRecords=-1', 'sort[0][field]=Nope', 'sort[0][field]=Name&sort[0][direction]=up', 'fields[]=Nope', 'cellFormat=xml', 'returnFieldsByFieldId=maybe', 'recordMetadata[]=nope']) {
      const response = await list(query);
      expect([query, response.status]).toEqual([query, 422]);
      expect(typeof response.body.error.type).toBe('string');
    }
    for (const formula of ['{Nope} = 1', 'AND(', 'NOSUCH(1)', "'unterminated"]) {
      const response = await list(`filterByFormula=${q(formula)}`);
      expect(response.status).toBe(422);
      expect(response.body.error.type).toBe('INVALID_FILTER_BY_FORMULA');
      expect(response.body.error.message).toMatch(/^The formula for filtering records is invalid/);
    }
  });
});
