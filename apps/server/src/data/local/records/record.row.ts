import type { Collaborator } from '@tableport/contracts';
import type { SqlExecutor } from '../../../infra/db';
import { readCell } from '../fields/codecs';
import { columnKind, sourceKey } from '../fields/field.storage';
import { quoteId, recordTableSql, type FieldModel, type TableModel } from '../schema/schema.model';

/** A row of a record table: system columns plus stored values keyed by field id. */
export interface RecordRow {
  id: string;
  seq: number;
  created_time: Date;
  modified_time: Date | null;
  created_by: Collaborator | null;
  modified_by: Collaborator | null;
  [fieldId: string]: unknown;
}

/** The SELECT list of a record table (alias `t`): system columns and every field column. */
export function selectList(table: TableModel): string {
  const columns = table.fields.filter((field) => columnKind(field) !== null).map((field) => `t.${quoteId(field.id)}`);
  return ['t.id', 't.seq', 't.created_time', 't.modified_time', 't.created_by', 't.modified_by', ...columns].join(', ');
}

/** The stored value of a field in a row (autoNumber reads `seq`, createdTime `created_time`, ...). */
export function storedValue(row: RecordRow, field: FieldModel): unknown {
  const key = sourceKey(field);
  return key === null ? null : row[key];
}

/** Every field's cell JSON keyed by field id (empty cells absent). */
export function cellsById(row: RecordRow, table: TableModel): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const field of table.fields) {
    const cell = readCell(field, storedValue(row, field));
    if (cell !== undefined) cells[field.id] = cell;
  }
  return cells;
}

/** Rows by id (any order), optionally locked for update. */
export async function fetchRows(
  db: SqlExecutor,
  options: { table: TableModel; ids: readonly string[]; lock?: 'update' },
): Promise<Map<string, RecordRow>> {
  if (options.ids.length === 0) return new Map();
  const lock = options.lock === 'update' ? ' ORDER BY t.id FOR UPDATE' : '';
  const result = await db.query<RecordRow>(
    `SELECT ${selectList(options.table)} FROM ${recordTableSql(options.table)} t WHERE t.id = ANY($1::text[])${lock}`,
    [[...new Set(options.ids)]],
  );
  return new Map(result.rows.map((row) => [row.id, row]));
}
