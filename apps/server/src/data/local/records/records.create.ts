import { newId } from '@tableport/contracts';
import { columnKind, watchesSomeFields } from '../fields/field.storage';
import type { TableModel } from '../schema/schema.model';
import type { RecordRow } from './record.row';
import { applyInverseLinks, type LinkDiff } from './records.inverse';
import { convertRecords, persistChoices, type CellValues } from './records.convert';
import { resolveLinkDrafts } from './records.links';
import { insertRows } from './rows.write';
import { cellChanges, recordInverseChanges } from './write.changes';
import { currentTable, reloadBase, type WriteState } from './write.state';

/** Converts, resolves and stores cell values of new or updated records (shared by create and update). */
export async function prepareValues(
  state: WriteState,
  options: { table: TableModel; records: { fields: Record<string, unknown>; existing?: RecordRow | undefined }[] },
): Promise<{ table: TableModel; values: CellValues[] }> {
  const converted = await convertRecords({ table: options.table, records: options.records, typecast: state.typecast, services: state.services });
  if (await persistChoices(state.tx, { baseId: state.base.id, choices: converted.choices, values: converted.values })) {
    await reloadBase(state);
  }
  const table = currentTable(state, options.table);
  await resolveLinkDrafts(state.tx, {
    base: state.base,
    table,
    values: converted.values,
    createByPrimary: (target, names) =>
      createInTx(state, { table: target, records: names.map((name) => ({ fields: { [target.primaryFieldId]: name } })) }),
  });
  return { table: currentTable(state, table), values: converted.values };
}

/** Creates records inside the write's transaction; returns their ids in input order. */
export async function createInTx(
  state: WriteState,
  options: { table: TableModel; records: readonly { fields: Record<string, unknown> }[] },
): Promise<string[]> {
  const prepared = await prepareValues(state, { table: options.table, records: [...options.records] });
  const table = prepared.table;
  const watchers = table.fields.filter(watchesSomeFields);
  const rows = prepared.values.map((cells) => {
    const values = new Map<string, unknown>([...cells].filter(([fieldId]) => columnKind(table.fieldById.get(fieldId)!) !== null));
    values.set('created_time', state.now);
    values.set('modified_time', state.now);
    values.set('created_by', state.collaborator);
    values.set('modified_by', state.collaborator);
    for (const watcher of watchers) {
      const watched = watcher.options!.referencedFieldIds as string[];
      if (watched.some((id) => cells.get(id) !== null && cells.get(id) !== undefined)) values.set(watcher.id, state.now);
    }
    return { id: newId('rec'), values };
  });
  for (const row of await insertRows(state.tx, { table, rows })) state.inserted.set(row.id, row);
  const diffs: LinkDiff[] = [];
  rows.forEach((row, index) => {
    for (const [fieldId, value] of prepared.values[index]!) {
      const field = table.fieldById.get(fieldId)!;
      if (field.type === 'multipleRecordLinks' && Array.isArray(value)) diffs.push({ recordId: row.id, field, before: [], after: value as string[] });
    }
  });
  recordInverseChanges(state, await applyInverseLinks(state.tx, { base: state.base, diffs }));
  rows.forEach((row, index) =>
    state.changes.push({
      tableId: table.id,
      recordId: row.id,
      op: 'create',
      before: null,
      after: cellChanges(table, prepared.values[index]!),
      cause: 'write',
      createdTime: state.now.toISOString(),
    }),
  );
  state.compute.push({ table, ids: rows.map((row) => row.id), changed: 'all' });
  return rows.map((row) => row.id);
}
