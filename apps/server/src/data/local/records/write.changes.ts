import type { RecordChange } from '../../data.types';
import type { ComputedChange } from '../compute/compute.engine';
import { readCell } from '../fields/codecs';
import type { TableModel } from '../schema/schema.model';
import type { InverseChange } from './records.inverse';
import type { CellValues } from './records.convert';
import type { WriteState } from './write.state';

/** Stored values as cell JSON by field id (null for cleared cells), for events and change sets. */
export function cellChanges(table: TableModel, values: CellValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [fieldId, value] of values) {
    const field = table.fieldById.get(fieldId);
    if (field) out[fieldId] = readCell(field, value) ?? null;
  }
  return out;
}

/** Journals the other side of link changes and queues their recomputation. */
export function recordInverseChanges(state: WriteState, changes: readonly InverseChange[]): void {
  for (const change of changes) {
    state.touched.add(change.table.id);
    state.changes.push({
      tableId: change.table.id,
      recordId: change.recordId,
      op: 'update',
      before: { [change.field.id]: change.before.length > 0 ? change.before : null },
      after: { [change.field.id]: change.after.length > 0 ? change.after : null },
      cause: 'link',
    });
    state.compute.push({ table: change.table, ids: [change.recordId], changed: new Set([change.field.id]) });
  }
}

/**
 * Journals what recomputation changed, so every record whose computed cells changed has an event: a
 * record the write already changed gets them on that change (its creation first, else the written
 * change, else the first link side); any other record gets a `compute` update. Deleted records get none.
 */
export function recordComputedChanges(state: WriteState, computed: readonly ComputedChange[]): void {
  const byRecord = new Map<string, RecordChange[]>();
  for (const change of state.changes) {
    const key = `${change.tableId}:${change.recordId}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), change]);
  }
  for (const change of computed) {
    const known = byRecord.get(`${change.tableId}:${change.recordId}`) ?? [];
    if (known.some((other) => other.op === 'delete')) continue;
    const target = known.find((other) => other.op === 'create') ?? known.find((other) => other.cause === 'write') ?? known[0];
    if (target) {
      target.computed = { before: change.before, after: change.after };
      continue;
    }
    state.changes.push({ tableId: change.tableId, recordId: change.recordId, op: 'update', before: change.before, after: change.after, cause: 'compute' });
  }
}
