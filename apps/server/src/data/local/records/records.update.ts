import { isDeepStrictEqual } from 'node:util';
import type { UpdateMode } from '../../data.types';
import { columnKind, watchesSomeFields } from '../fields/field.storage';
import type { TableModel } from '../schema/schema.model';
import { fetchRows, storedValue, type RecordRow } from './record.row';
import { writableFields } from './records.fields';
import { applyInverseLinks, type LinkDiff } from './records.inverse';
import { rowNotFound } from './records.links';
import { prepareValues } from './records.create';
import { updateRows } from './rows.write';
import { cellChanges, recordInverseChanges } from './write.changes';
import type { WriteState } from './write.state';

/** Locks the rows of a write; a missing id fails the whole write (`record.row_not_found`). */
export async function lockRows(state: WriteState, table: TableModel, ids: readonly string[]): Promise<Map<string, RecordRow>> {
  const rows = await fetchRows(state.tx, { table, ids, lock: 'update' });
  const missing = ids.find((id) => !rows.has(id));
  if (missing) throw rowNotFound(missing);
  return rows;
}

/**
 * Updates records inside the write's transaction. `merge` sets the given fields; `replace` also
 * clears every other writable field. Unchanged cells are not written and make no event.
 */
export async function updateInTx(
  state: WriteState,
  options: { table: TableModel; records: readonly { id: string; fields: Record<string, unknown> }[]; mode: UpdateMode },
): Promise<string[]> {
  const rows = await lockRows(state, options.table, options.records.map((record) => record.id));
  // The same id twice: later entries see the earlier ones' values (applied in order, merged here).
  const merged = mergeDuplicates(options.records);
  const prepared = await prepareValues(state, {
    table: options.table,
    records: merged.map((record) => ({ fields: record.fields, existing: rows.get(record.id) })),
  });
  const table = prepared.table;
  const updates: { id: string; values: Map<string, unknown> }[] = [];
  const diffs: LinkDiff[] = [];
  merged.forEach((record, index) => {
    const row = rows.get(record.id)!;
    const cells = prepared.values[index]!;
    if (options.mode === 'replace') {
      for (const field of writableFields(table)) if (!cells.has(field.id)) cells.set(field.id, null);
    }
    const changed = new Map([...cells].filter(([fieldId, value]) => !isDeepStrictEqual(value ?? null, storedValue(row, table.fieldById.get(fieldId)!) ?? null)));
    if (changed.size === 0) return;
    updates.push({ id: record.id, values: rowValues(state, table, changed) });
    for (const [fieldId, value] of changed) {
      const field = table.fieldById.get(fieldId)!;
      if (field.type === 'multipleRecordLinks') {
        diffs.push({ recordId: record.id, field, before: (storedValue(row, field) as string[] | null) ?? [], after: (value as string[] | null) ?? [] });
      }
    }
    const before = new Map([...changed.keys()].map((fieldId) => [fieldId, storedValue(row, table.fieldById.get(fieldId)!)]));
    state.changes.push({ tableId: table.id, recordId: record.id, op: 'update', before: cellChanges(table, before), after: cellChanges(table, changed), cause: 'write' });
    state.compute.push({ table, ids: [record.id], changed: new Set(changed.keys()) });
  });
  await updateRows(state.tx, { table, rows: updates });
  recordInverseChanges(state, await applyInverseLinks(state.tx, { base: state.base, diffs }));
  return options.records.map((record) => record.id);
}

function rowValues(state: WriteState, table: TableModel, changed: Map<string, unknown>): Map<string, unknown> {
  const values = new Map([...changed].filter(([fieldId]) => columnKind(table.fieldById.get(fieldId)!) !== null));
  values.set('modified_time', state.now);
  values.set('modified_by', state.collaborator);
  for (const watcher of table.fields.filter(watchesSomeFields)) {
    if ((watcher.options!.referencedFieldIds as string[]).some((id) => changed.has(id))) values.set(watcher.id, state.now);
  }
  return values;
}

function mergeDuplicates<T extends { id: string; fields: Record<string, unknown> }>(records: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const known = byId.get(record.id);
    byId.set(record.id, known ? { ...known, fields: { ...known.fields, ...record.fields } } : record);
  }
  return [...byId.values()];
}
