/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
let baseId: string;
let tasks: Json;

const FIELDS = [
  { name: 'Name', type: 'singleLineText' },
  { name: 'Notes', type: 'multilineText' },
  { name: 'Rich', type: 'richText' },
  { name: 'Email', type: 'email' },
  { name: 'Url', type: 'url' },
  { name: 'Phone', type: 'phoneNumber' },
  { name: 'Amount', type: 'number', options: { precision: 2 } },
  { name: 'Price', type: 'currency', options: { precision: 2, symbol: '€' } },
  { name: 'Share', type: 'percent', options: { precision: 1 } },
  { name: 'Took', type: 'duration', options: { durationFormat: 'h:mm:ss' } },
  { name: 'Stars', type: 'rating', options: { max: 5, icon: 'star', color: 'yellowBright' } },
  { name: 'Done', type: 'checkbox', options: { icon: 'check', color: 'greenBright' } },
  { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Todo', color: 'redLight2' }, { name: 'Done' }] } },
  { name: 'Tags', type: 'multipleSelects', options: { choices: [{ name: 'a' }, { name: 'b' }] } },
  { name: 'Owner', type: 'singleCollaborator' },
  { name: 'Watchers', type: 'multipleCollaborators' },
  { name: 'Due', type: 'date', options: { dateFormat: { name: 'iso' } } },
  { name: 'Meeting', type: 'dateTime', options: { timeZone: 'America/New_York', dateFormat: { name: 'iso' }, timeFormat: { name: '24hour' } } },
  { name: 'Files', type: 'multipleAttachments' },
  { name: 'Code', type: 'barcode' },
  { name: 'Number', type: 'autoNumber' },
  { name: 'Created', type: 'createdTime' },
  { name: 'Modified', type: 'lastModifiedTime' },
  { name: 'Creator', type: 'createdBy' },
  { name: 'Editor', type: 'lastModifiedBy' },
  { name: 'Go', type: 'button', options: { label: 'Open', url: 'https://example.com' } },
  { name: 'Summary', type: 'aiText' },
  { name: 'Double', type: 'formula', options: { formula: '{Amount} * 2' } },
];

beforeAll(async () => {
  server = await startV0Server();
  const base = await server.createBase([{ name: 'Things', fields: FIELDS }]);
  baseId = base.id;
  tasks = base.tables[0];
});
afterAll(async () => server?.stop());

const create = (fields: Record<string, unknown>, typecast = false) =>
  server.call('POST', `/v0/${baseId}/Things`, { fields, typecast });

/** Writes one cell and returns the status and the cell read back (or the error). */
async function roundTrip(field: string, value: unknown, typecast = false) {
  const response = await create({ [field]: value }, typecast);
  if (response.status !== 200) return { status: response.status, error: response.body.error };
  const read = await server.call('GET', `/v0/${baseId}/Things/${response.body.id}`);
  return { status: read.status, cell: read.body.fields[field] };
}

describe('field types: write, read back, typecast, errors', () => {
  it.each([
    ['Name', 'hello', 'hello'],
    ['Name', '', undefined],
    ['Notes', 'line 1\nline 2', 'line 1\nline 2'],
    ['Rich', '**bold**', '**bold**'],
    ['Email', 'a@b.co', 'a@b.co'],
    ['Url', 'https://x.y', 'https://x.y'],
    ['Phone', '+1 555', '+1 555'],
    ['Amount', 0, 0],
    ['Amount', 12.5, 12.5],
    ['Price', -3.25, -3.25],
    ['Share', 0.5, 0.5],
    ['Took', 5400, 5400],
    ['Stars', 4, 4],
    ['Done', true, true],
    ['Done', false, undefined],
    ['Status', 'Done', 'Done'],
    ['Tags', ['b', 'a', 'b'], ['b', 'a']],
    ['Tags', [], undefined],
    ['Owner', { id: 'usrAAAAAAAAAAAAAA' }, { id: 'usrAAAAAAAAAAAAAA' }],
    ['Due', '2024-02-29', '2024-02-29'],
    ['Meeting', '2024-01-02T03:04:05.000Z', '2024-01-02T03:04:05.000Z'],
    ['Meeting', '2024-07-01T09:00', '2024-07-01T13:00:00.000Z'],
    ['Meeting', 1_700_000_000_000, '2023-11-14T22:13:20.000Z'],
    ['Code', { text: '123', type: 'upce' }, { text: '123', type: 'upce' }],
  ])('%s accepts %j', async (field, value, expected) => {
    const result = await roundTrip(field, value);
    expect(result.status).toBe(200);
    expect(result.cell).toEqual(expected);
  });

  it.each([
    ['Name', 42, '42'],
    ['Name', ['a', 'b'], 'a, b'],
    ['Amount', '1,234.5', 1234.5],
    ['Price', '€12.30', 12.3],
    ['Share', '12%', 0.12],
    ['Took', '1:30', 5400],
    ['Took', '0:01:05', 65],
    ['Stars', '3', 3],
    ['Done', 'yes', true],
    ['Done', 'false', undefined],
    ['Status', 'Blocked', 'Blocked'],
    ['Tags', 'a, c', ['a', 'c']],
    ['Owner', 'someone@example.com', expect.objectContaining({ email: 'someone@example.com' })],
    ['Due', '3/7/2024', '2024-03-07'],
    ['Meeting', '2024-01-15 10:30', '2024-01-15T15:30:00.000Z'],
    ['Code', 'ABC', { text: 'ABC' }],
  ])('typecast: %s from %j', async (field, value, expected) => {
    const result = await roundTrip(field, value, true);
    expect(result.status).toBe(200);
    expect(result.cell).toEqual(expected);
  });

  it.each([
    ['Name', 42, 'INVALID_VALUE_FOR_COLUMN'],
    ['Amount', 'twelve', 'INVALID_VALUE_FOR_COLUMN'],
    ['Amount', '12', 'INVALID_VALUE_FOR_COLUMN'],
    ['Stars', 9, 'INVALID_VALUE_FOR_COLUMN'],
    ['Stars', 2.5, 'INVALID_VALUE_FOR_COLUMN'],
    ['Done', 'yes', 'INVALID_VALUE_FOR_COLUMN'],
    ['Status', 'Nope', 'INVALID_MULTIPLE_CHOICE_OPTIONS'],
    ['Tags', ['a', 'zzz'], 'INVALID_MULTIPLE_CHOICE_OPTIONS'],
    ['Tags', 'a', 'INVALID_VALUE_FOR_COLUMN'],
    ['Owner', { id: 'nobody' }, 'INVALID_VALUE_FOR_COLUMN'],
    ['Due', '2024-02-30', 'INVALID_VALUE_FOR_COLUMN'],
    ['Due', '3/7/2024', 'INVALID_VALUE_FOR_COLUMN'],
    ['Meeting', 'soon', 'INVALID_VALUE_FOR_COLUMN'],
    ['Files', 'x.png', 'INVALID_VALUE_FOR_COLUMN'],
    ['Files', [{ id: 'attNOPE0000000000' }], 'INVALID_VALUE_FOR_COLUMN'],
    ['Code', 5, 'INVALID_VALUE_FOR_COLUMN'],
  ])('refuses %s = %j', async (field, value, type) => {
    const result = await roundTrip(field, value);
    expect(result.status).toBe(422);
    expect(result.error.type).toBe(type);
  });

  it.each(['Number', 'Created', 'Modified', 'Creator', 'Editor', 'Go', 'Summary', 'Double'])(
    'computed field %s refuses writes with Airtable’s message',
    async (field) => {
      const result = await roundTrip(field, null);
      expect(result).toEqual({
        status: 422,
        error: {
          type: 'INVALID_VALUE_FOR_COLUMN',
          message: `Field "${field}" cannot accept a value because the field is computed`,
        },
      });
    },
  );

  it('unknown field names answer UNKNOWN_FIELD_NAME', async () => {
    const result = await create({ Nope: 1 });
    expect(result.status).toBe(422);
    expect(result.body.error).toEqual({ type: 'UNKNOWN_FIELD_NAME', message: 'Unknown field name: "Nope"' });
  });

  it('computed and system fields read back', async () => {
    const first = await create({ Name: 'x', Amount: 2.5 });
    const second = await create({ Name: 'y' });
    const fields = first.body.fields;
    expect(fields.Double).toBe(5);
    expect(second.body.fields.Number).toBe(fields.Number + 1);
    expect(fields.Created).toBe(first.body.createdTime);
    expect(fields.Modified).toBe(first.body.createdTime);
    expect(fields.Creator).toEqual({ id: 'usrTableportAdmin', name: 'Admin' });
    expect(fields.Editor).toEqual({ id: 'usrTableportAdmin', name: 'Admin' });
    expect(fields.Go).toEqual({ label: 'Open', url: 'https://example.com' });
    expect(fields.Summary).toBeUndefined();
    expect(second.body.fields.Double).toBe(0);
  });

  it('typecast adds select choices once, with colours, and renaming a choice is metadata only', async () => {
    await create({ Status: 'Later' }, true);
    await create({ Status: 'Later', Tags: ['later'] }, true);
    const schema = await server.call('GET', `/v0/meta/bases/${baseId}/tables`);
    const status = schema.body.tables[0].fields.find((field: Json) => field.name === 'Status');
    const names = status.options.choices.map((choice: Json) => choice.name);
    expect(names.filter((name: string) => name === 'Later')).toHaveLength(1);
    expect(status.options.choices.every((choice: Json) => /^sel[A-Za-z0-9]{14}$/.test(choice.id) && choice.color)).toBe(true);
  });

  it('attachments: new by url, kept by id, dropped when omitted', async () => {
    const created = await create({ Files: [{ url: 'https://example.com/a.png', filename: 'a.png' }, { url: 'https://example.com/b.pdf' }] });
    expect(created.status).toBe(200);
    const [a, b] = created.body.fields.Files;
    expect(a).toMatchObject({ url: 'https://example.com/a.png', filename: 'a.png', type: 'image/png' });
    expect(a.id).toMatch(/^att[A-Za-z0-9]{14}$/);
    expect(b).toMatchObject({ filename: 'b.pdf', type: 'application/pdf' });
    const kept = await server.call('PATCH', `/v0/${baseId}/Things/${created.body.id}`, { fields: { Files: [{ id: b.id }, { url: 'https://example.com/c.txt' }] } });
    expect(kept.body.fields.Files.map((file: Json) => file.filename)).toEqual(['b.pdf', 'c.txt']);
    expect(kept.body.fields.Files[0]).toEqual(b);
  });

  it('fields by id and by name are both accepted, and returnFieldsByFieldId keys by id', async () => {
    const nameField = tasks.fields.find((field: Json) => field.name === 'Name');
    const created = await server.call('POST', `/v0/${baseId}/${tasks.id}`, { fields: { [nameField.id]: 'by id' }, returnFieldsByFieldId: true });
    expect(created.body.fields[nameField.id]).toBe('by id');
  });
});
