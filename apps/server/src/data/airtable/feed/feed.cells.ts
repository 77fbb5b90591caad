import type { TableLookup } from '../source/schema.lookup';

type Cell = unknown;
const asArray = (value: Cell): unknown[] => (Array.isArray(value) ? value : []);
const prop = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
const person = (value: unknown) => {
  const picked = { id: prop(value, 'id'), email: prop(value, 'email'), name: prop(value, 'name') };
  return Object.fromEntries(Object.entries(picked).filter(([, part]) => part !== undefined));
};

// Webhook payloads carry "V2" cells (shared/airtable-api.md §4.1.6); records carry V1.
const V1_OF: Partial<Record<string, (value: Cell) => Cell>> = {
  singleSelect: (value) => prop(value, 'name') ?? value,
  externalSyncSource: (value) => prop(value, 'name') ?? value,
  multipleSelects: (value) => asArray(value).map((choice) => prop(choice, 'name') ?? choice),
  multipleRecordLinks: (value) => asArray(value).map((link) => prop(link, 'id') ?? link),
  singleCollaborator: (value) => person(value),
  multipleCollaborators: (value) => asArray(value).map(person),
};

/**
 * A payload's cells (by field id, V2) as the records API shows them (V1). Computed cells are kept
 * (feed.changes.ts puts them aside from the written ones); unknown fields (created after the
 * schema was read) are kept as they came.
 */
export function payloadCells(lookup: TableLookup, cells: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const types = new Map(lookup.table.fields.map((field) => [field.id, field.type]));
  for (const [fieldId, value] of Object.entries(cells ?? {})) {
    const type = types.get(fieldId);
    const convert = type === undefined ? undefined : V1_OF[type];
    out[fieldId] = value === null || convert === undefined ? value : convert(value);
  }
  return out;
}
