import { recordTableSql, type TableModel } from '../schema/schema.model';
import { cellsById } from './record.row';
import { unlinkDeleted } from './records.inverse';
import { lockRows } from './records.update';
import { recordInverseChanges } from './write.changes';
import type { WriteState } from './write.state';

/** Deletes records inside the write's transaction and removes them from every link that points at them. */
export async function deleteInTx(state: WriteState, options: { table: TableModel; ids: readonly string[] }): Promise<void> {
  const ids = [...new Set(options.ids)];
  const rows = await lockRows(state, options.table, ids);
  const list = ids.map((id) => rows.get(id)!);
  recordInverseChanges(state, await unlinkDeleted(state.tx, { base: state.base, table: options.table, rows: list }));
  await state.tx.query(`DELETE FROM ${recordTableSql(options.table)} WHERE id = ANY($1::text[])`, [ids]);
  for (const row of list) {
    state.changes.push({
      tableId: options.table.id,
      recordId: row.id,
      op: 'delete',
      before: cellsById(row, options.table),
      after: null,
      cause: 'write',
      createdTime: row.created_time.toISOString(),
    });
  }
}
