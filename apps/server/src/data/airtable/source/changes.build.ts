import { isDeepStrictEqual } from 'node:util';
import type { RecordChange, RecordData } from '../../data.types';
import { cellsById, type TableLookup } from './schema.lookup';

/** Change-set entries of created records: every writable cell, by field id. */
export function createdChanges(lookup: TableLookup, records: readonly RecordData[]): RecordChange[] {
  return records.map((record) => ({
    tableId: lookup.table.id,
    recordId: record.id,
    op: 'create',
    before: null,
    after: cellsById(lookup, record.fields),
    cause: 'write',
    createdTime: record.createdTime,
  }));
}

/**
 * Change-set entries of updated records: the cells that changed, before and after, by field id
 * (cleared cells are null). Records whose cells did not change make no entry, as in the store.
 */
export function updatedChanges(input: {
  lookup: TableLookup;
  before: ReadonlyMap<string, RecordData>;
  after: readonly RecordData[];
}): RecordChange[] {
  const { lookup } = input;
  return input.after.flatMap((record): RecordChange[] => {
    const old = cellsById(lookup, input.before.get(record.id)?.fields ?? {});
    const now = cellsById(lookup, record.fields);
    const changed = [...lookup.writable].filter((id) => !isDeepStrictEqual(old[id] ?? null, now[id] ?? null));
    if (changed.length === 0) return [];
    const pick = (cells: Record<string, unknown>) => Object.fromEntries(changed.map((id) => [id, cells[id] ?? null]));
    return [{ tableId: lookup.table.id, recordId: record.id, op: 'update', before: pick(old), after: pick(now), cause: 'write' }];
  });
}

/** Change-set entries of deleted records, with their last known cells. */
export function deletedChanges(input: {
  lookup: TableLookup;
  before: ReadonlyMap<string, RecordData>;
  ids: readonly string[];
}): RecordChange[] {
  return input.ids.map((id) => {
    const record = input.before.get(id);
    return {
      tableId: input.lookup.table.id,
      recordId: id,
      op: 'delete',
      before: record ? cellsById(input.lookup, record.fields) : null,
      after: null,
      cause: 'write',
      ...(record ? { createdTime: record.createdTime } : {}),
    };
  });
}
