import type { Sql } from './sql.chunks';
import { sql } from './sql.chunks';
import type { SqlColumnType } from './sql.resolver';
import type { Value } from './values.types';

/** The SQL types an expression compiles to; `blank` is the literal BLANK(). */
export type SqlType = SqlColumnType | 'blank';

/**
 * A compiled expression. `sql` is exact wherever `guard` is true (or guard is null); where the guard
 * is false the row must be rechecked in process. `sql` never raises a SQL error, whatever the row.
 */
export interface SqlValue {
  readonly type: SqlType;
  readonly sql: Sql;
  readonly guard: Sql | null;
  /** For boolean results: whether `sql` can be NULL (meaning false). */
  readonly nullable: boolean;
  /** Set when the value is the same for every row (literals, constant sub-trees, NOW()). */
  readonly constant?: { value: Value };
  /** For FIND/SEARCH: "was it found", exact even where the position needs a recheck (astral characters). */
  readonly found?: Sql;
}

/** A value with no guard. */
export function exact(type: SqlType, fragment: Sql, nullable = true): SqlValue {
  return { type, sql: fragment, guard: null, nullable };
}

/** ANDs guards, dropping the absent ones. */
export function guards(...parts: (Sql | null)[]): Sql | null {
  const present = parts.filter((part): part is Sql => part !== null);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0]!;
  return [
    '(',
    ...present.flatMap((part, index) => (index === 0 ? ['(', ...part, ')'] : [' AND (', ...part, ')'])),
    ')',
  ];
}

/** The guards of several values, ANDed. */
export function guardOf(...values: SqlValue[]): Sql | null {
  return guards(...values.map((value) => value.guard));
}

/** A boolean SQL that is never NULL. */
export function strict(value: SqlValue): Sql {
  return value.nullable ? sql`COALESCE(${value.sql}, FALSE)` : value.sql;
}

/** Date or timestamp as timestamptz (a date is midnight UTC). */
export function asTimestamp(value: SqlValue): Sql {
  return value.type === 'date' ? sql`((${value.sql})::timestamp AT TIME ZONE 'UTC')` : value.sql;
}
