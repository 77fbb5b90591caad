import type { AirtableBaseSchema, AirtableClient, AirtableTable } from '@tableport/airtable';

// Computed types: Airtable refuses writes to them, and change sets only keep writable cells.
const COMPUTED = new Set([
  'formula',
  'rollup',
  'count',
  'multipleLookupValues',
  'createdTime',
  'lastModifiedTime',
  'createdBy',
  'lastModifiedBy',
  'autoNumber',
  'button',
  'aiText',
  'externalSyncSource',
]);

/** A table of a connected base with its field lookups. */
export interface TableLookup {
  table: AirtableTable;
  /** Field id by name and by id (cells may be keyed either way). */
  idOf(key: string): string | undefined;
  /** Field ids Airtable lets us write. */
  writable: ReadonlySet<string>;
}

/** The base's schema (cached by the gateway; invalidated by schema writes and the change feed). */
export function loadSchema(client: AirtableClient, baseId: string): Promise<AirtableBaseSchema> {
  return client.meta.getBaseSchema({ baseId });
}

/** Finds a table by id, then by exact name (as Airtable does); undefined when unknown. */
export function lookupTable(schema: AirtableBaseSchema, tableIdOrName: string): TableLookup | undefined {
  const table =
    schema.tables.find((candidate) => candidate.id === tableIdOrName) ??
    schema.tables.find((candidate) => candidate.name === tableIdOrName);
  if (!table) return undefined;
  const byName = new Map(table.fields.map((field) => [field.name, field.id]));
  const ids = new Set(table.fields.map((field) => field.id));
  return {
    table,
    idOf: (key) => (ids.has(key) ? key : byName.get(key)),
    writable: new Set(table.fields.filter((field) => !COMPUTED.has(field.type)).map((field) => field.id)),
  };
}

/** Cells keyed by field id (unknown keys dropped), keeping only the given ids when asked. */
export function cellsById(
  lookup: TableLookup,
  fields: Record<string, unknown>,
  keep?: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const id = lookup.idOf(key);
    if (id !== undefined && lookup.writable.has(id) && (keep === undefined || keep.has(id))) out[id] = value;
  }
  return out;
}
