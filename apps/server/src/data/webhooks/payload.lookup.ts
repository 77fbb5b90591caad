import type { DomainEvent } from '@tableport/contracts';
import type { BaseEntry, DataSource } from '../data-source.types';
import type { BaseSchema } from '../data.types';
import type { Cells } from './payload.types';

const CHUNK = 100;

/** Current cells (V1, by field id) of records of one table; missing records are absent from the map. */
export async function readCells(options: {
  local: DataSource;
  base: BaseEntry;
  tableId: string;
  recordIds: readonly string[];
  fields?: readonly string[];
}): Promise<Map<string, Cells>> {
  const out = new Map<string, Cells>();
  const ids = [...new Set(options.recordIds)].filter((id) => /^rec[A-Za-z0-9]{14}$/.test(id));
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const page = await options.local.listRecords({
      base: options.base,
      tableIdOrName: options.tableId,
      filterByFormula: `OR(${chunk.map((id) => `RECORD_ID()='${id}'`).join(',')})`,
      returnFieldsByFieldId: true,
      pageSize: CHUNK,
      ...(options.fields ? { fields: options.fields } : {}),
    });
    for (const record of page.records) out.set(record.id, record.fields);
  }
  return out;
}

/** Primary values of every record that link cells in the events point at (V2 links carry `{id, name}`). */
export async function readLinkNames(options: {
  local: DataSource;
  base: BaseEntry;
  schema: BaseSchema;
  events: readonly DomainEvent[];
}): Promise<Map<string, string>> {
  const linkTargets = new Map<string, string>();
  for (const table of options.schema.tables) {
    for (const field of table.fields) {
      const linked = (field.options as { linkedTableId?: string } | undefined)?.linkedTableId;
      if (field.type === 'multipleRecordLinks' && linked) linkTargets.set(field.id, linked);
    }
  }
  const wanted = new Map<string, Set<string>>();
  for (const event of options.events) {
    for (const side of [event.payload.before, event.payload.after]) {
      for (const [fieldId, value] of Object.entries((side as Cells | null | undefined) ?? {})) {
        const target = linkTargets.get(fieldId);
        if (!target || !Array.isArray(value)) continue;
        const set = wanted.get(target) ?? new Set<string>();
        for (const id of value) set.add(String(id));
        wanted.set(target, set);
      }
    }
  }
  const names = new Map<string, string>();
  for (const [tableId, ids] of wanted) {
    const table = options.schema.tables.find((candidate) => candidate.id === tableId);
    if (!table) continue;
    const cells = await readCells({ local: options.local, base: options.base, tableId, recordIds: [...ids], fields: [table.primaryFieldId] });
    for (const [id, fields] of cells) names.set(id, primaryText(fields[table.primaryFieldId]));
  }
  return names;
}

function primaryText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
