import type { SqlExecutor } from '../../../infra/db';
import { primaryText, type LinkedData, type LinkedRecord } from '../compute/compute.values';
import type { BaseModel, TableModel } from '../schema/schema.model';
import { cellsById, fetchRows, type RecordRow } from './record.row';

/** The linked records of every link field of these rows (cells and primary text), one query per link field. */
export async function linkedDataFor(
  db: SqlExecutor,
  options: { base: BaseModel; table: TableModel; rows: readonly RecordRow[]; fieldIds?: ReadonlySet<string> },
): Promise<LinkedData> {
  const data: LinkedData = new Map();
  for (const field of options.table.fields) {
    if (field.type !== 'multipleRecordLinks' || (options.fieldIds && !options.fieldIds.has(field.id))) continue;
    const target = options.base.tableById.get(field.options!.linkedTableId as string);
    const ids = options.rows.flatMap((row) => (row[field.id] as string[] | null) ?? []);
    if (!target || ids.length === 0) continue;
    const rows = await fetchRows(db, { table: target, ids });
    const records = new Map<string, LinkedRecord>();
    for (const row of rows.values()) {
      const cells = cellsById(row, target);
      records.set(row.id, { cells, primaryText: primaryText(target, cells) });
    }
    data.set(field.id, records);
  }
  return data;
}
