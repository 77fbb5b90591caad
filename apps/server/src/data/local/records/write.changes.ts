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
