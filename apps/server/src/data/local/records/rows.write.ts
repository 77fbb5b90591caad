import type { SqlExecutor } from '../../../infra/db';
import { castParam, columnKind, toParam, type ColumnKind } from '../fields/field.storage';
import { quoteId, recordTableSql, type TableModel } from '../schema/schema.model';
import { selectList, type RecordRow } from './record.row';

/** A column to write: a field's column, or a system column with its kind. */
interface Column {
  name: string;
  kind: ColumnKind;
}

const SYSTEM: Record<string, ColumnKind> = {
  created_time: 'timestamp',
  modified_time: 'timestamp',
  created_by: 'json',
  modified_by: 'json',
};

function columnOf(table: TableModel, key: string): Column {
  const system = SYSTEM[key];
  if (system) return { name: key, kind: system };
  const field = table.fieldById.get(key)!;
  return { name: quoteId(field.id), kind: columnKind(field)! };
}

// PostgreSQL allows 65,535 parameters per statement; stay well under.
const MAX_PARAMS = 30_000;

function batches<T>(rows: readonly T[], perRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, perRow)));
  const out: T[][] = [];
  for (let index = 0; index < rows.length; index += size) out.push(rows.slice(index, index + size));
  return out;
}

/** Inserts rows (`id` plus stored values by field id or system column name) in multi-row statements. */
export async function insertRows(
  db: SqlExecutor,
  options: { table: TableModel; rows: readonly { id: string; values: Map<string, unknown> }[] },
): Promise<RecordRow[]> {
  const inserted: RecordRow[] = [];
  const keys = [...new Set(options.rows.flatMap((row) => [...row.values.keys()]))];
  const columns = keys.map((key) => columnOf(options.table, key));
  for (const batch of batches(options.rows, keys.length + 1)) {
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      params.push(row.id);
      const cells = [`$${params.length}::text`];
      keys.forEach((key, index) => {
        params.push(toParam(columns[index]!.kind, row.values.get(key) ?? null));
        cells.push(castParam(columns[index]!.kind, params.length));
      });
      return `(${cells.join(', ')})`;
    });
    const result = await db.query<RecordRow>(
      `INSERT INTO ${recordTableSql(options.table)} AS t (id${columns.map((column) => `, ${column.name}`).join('')})
       VALUES ${tuples.join(', ')} RETURNING ${selectList(options.table)}`,
      params,
    );
    inserted.push(...result.rows);
  }
  return inserted;
}

/**
 * Updates rows: each row sets only the keys in its `values` (other columns keep their value),
 * all rows in one statement per batch.
 */
export async function updateRows(
  db: SqlExecutor,
  options: { table: TableModel; rows: readonly { id: string; values: Map<string, unknown> }[] },
): Promise<void> {
  const keys = [...new Set(options.rows.flatMap((row) => [...row.values.keys()]))];
  if (keys.length === 0 || options.rows.length === 0) return;
  const columns = keys.map((key) => columnOf(options.table, key));
  const names = keys.map((_, index) => `v${index}, s${index}`).join(', ');
  const sets = columns.map(
    (column, index) => `${column.name} = CASE WHEN v.s${index} THEN v.v${index} ELSE t.${column.name} END`,
  );
  for (const batch of batches(options.rows, keys.length * 2 + 1)) {
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      params.push(row.id);
      const cells = [`$${params.length}::text`];
      keys.forEach((key, index) => {
        const kind = columns[index]!.kind;
        if (!row.values.has(key)) cells.push(`${castParam(kind, 0).replace('$0', 'NULL')}, FALSE`);
        else {
          params.push(toParam(kind, row.values.get(key)));
          cells.push(`${castParam(kind, params.length)}, TRUE`);
        }
      });
      return `(${cells.join(', ')})`;
    });
    await db.query(
      `UPDATE ${recordTableSql(options.table)} t SET ${sets.join(', ')}
       FROM (VALUES ${tuples.join(', ')}) AS v(id, ${names}) WHERE t.id = v.id`,
      params,
    );
  }
}
