import type { FormulaField } from './formula.bind';
import type { Sql } from './sql.chunks';

/**
 * Canonical SQL types of field values (packages/formula/README.md):
 * `text` (NULL or '' is blank), `number` (double precision, finite, NULL is blank),
 * `boolean` (checkbox: NULL or false is unchecked), `date` (date), `timestamp` (timestamptz),
 * `textArray` (text[] of the elements' text forms; NULL or '{}' is blank).
 */
export type SqlColumnType = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'textArray';

/** How SQL reads one field. */
export interface ColumnSql {
  readonly type: SqlColumnType;
  /** An expression of the canonical SQL type for `type`, e.g. `["t.\"fldAbc\""]`. */
  readonly sql: Sql;
}

/**
 * Given by the caller (the store): the table's fields and how SQL reads them. Return null when a
 * field cannot be read in SQL; the planner then keeps the conditions on it in process.
 */
export interface ColumnResolver {
  readonly fields: readonly FormulaField[];
  column(field: FormulaField): ColumnSql | null;
  /** text: the record id. */
  recordId(): Sql | null;
  /** timestamptz: creation time. */
  createdTime(): Sql | null;
  /** timestamptz: last modification time. */
  lastModifiedTime(): Sql | null;
}
