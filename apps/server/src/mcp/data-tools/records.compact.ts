import { literal } from '@tableport/formula';
import type { BaseSchema, Caller, DataService, FieldSchema, RecordData, TableSchema } from '../../data';
import { primaryFieldOf } from './schema.lookup';

/** A record as tools return it: no empty cells, links as `{id, name}`, files and people trimmed. */
export interface CompactRecord {
  id: string;
  fields: Record<string, unknown>;
}

/** A linked record with its primary value. */
export interface LinkedName {
  id: string;
  name: string;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  value === false ||
  (Array.isArray(value) && value.length === 0);

const IDS_PER_LOOKUP = 50;

/** The primary values of linked records, read with one list call per 50 ids. */
async function linkedNames(input: {
  data: DataService;
  caller: Caller;
  baseId: string;
  table: TableSchema;
  ids: readonly string[];
}): Promise<Map<string, string>> {
  const primary = primaryFieldOf(input.table);
  const names = new Map<string, string>();
  for (let start = 0; start < input.ids.length; start += IDS_PER_LOOKUP) {
    const ids = input.ids.slice(start, start + IDS_PER_LOOKUP);
    const page = await input.data.listRecords({
      caller: input.caller,
      baseId: input.baseId,
      tableIdOrName: input.table.id,
      fields: [primary.id],
      returnFieldsByFieldId: true,
      pageSize: 100,
      filterByFormula: `OR(${ids.map((id) => `RECORD_ID()=${literal(id)}`).join(',')})`,
    });
    for (const record of page.records) names.set(record.id, displayText(record.fields[primary.id]));
  }
  return names;
}

/** One cell as short text (primary values, CSV cells). */
export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(displayText).join(', ');
  const object = value as Record<string, unknown>;
  if (typeof object.name === 'string') return object.name;
  if (typeof object.filename === 'string') return object.filename;
  if (typeof object.email === 'string') return object.email;
  if (typeof object.text === 'string') return object.text;
  return JSON.stringify(value);
}

function trimObject(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  if (typeof object.filename === 'string' && typeof object.url === 'string')
    return { filename: object.filename, url: object.url, ...(object.type ? { type: object.type } : {}) };
  if (typeof object.id === 'string' && object.id.startsWith('usr'))
    return {
      id: object.id,
      ...(object.name ? { name: object.name } : {}),
      ...(object.email ? { email: object.email } : {}),
    };
  return value;
}

function compactCell(field: FieldSchema | undefined, value: unknown, names: Map<string, string>): unknown {
  if (field?.type === 'multipleRecordLinks' && Array.isArray(value))
    return value.map((id: unknown) => (typeof id === 'string' ? { id, name: names.get(id) ?? id } : id));
  return Array.isArray(value) ? value.map(trimObject) : trimObject(value);
}

/**
 * Records as the model reads them. Linked ids become `{id, name}` with the linked records' primary
 * values (one read per linked table); without a schema (a key without schema scope) links stay ids.
 */
export async function compactRecords(input: {
  data: DataService;
  caller: Caller;
  baseId: string;
  schema: BaseSchema | null;
  table: TableSchema | null;
  records: readonly RecordData[];
}): Promise<CompactRecord[]> {
  const byName = new Map(input.table?.fields.map((field) => [field.name, field]) ?? []);
  const names = new Map<string, string>();
  for (const field of input.table?.fields ?? []) {
    if (field.type !== 'multipleRecordLinks') continue;
    const linked = input.schema?.tables.find((table) => table.id === field.options.linkedTableId);
    const ids = [
      ...new Set(
        input.records.flatMap((record) => (record.fields[field.name] as string[] | undefined) ?? []),
      ),
    ];
    if (!linked || ids.length === 0) continue;
    for (const [id, name] of await linkedNames({ ...input, table: linked, ids })) names.set(id, name);
  }
  return input.records.map((record) => {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record.fields)) {
      if (!isEmpty(value)) fields[name] = compactCell(byName.get(name), value, names);
    }
    return { id: record.id, fields };
  });
}
