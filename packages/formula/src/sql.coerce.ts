import { isTruthy } from './values.coerce';
import { sql, type Sql } from './sql.chunks';
import { exact, guards, type SqlValue } from './sql.value';

// Plain decimals of at most 15 digits: PostgreSQL's float8 input and JS Number() read them identically
// and neither can overflow. Anything else (Unicode spaces, long digit runs) is rechecked in process.
const SAFE_NUMERIC =
  "'^[ \\t\\n\\r]*[+-]?([0-9]{1,15}\\.?[0-9]{0,15}|\\.[0-9]{1,15})([eE][+-]?[0-9]{1,2})?[ \\t\\n\\r]*$'";
const SAFE_DIGITS = "'^[^0-9]*([0-9][^0-9]*){0,15}$'";

/** A value as double precision (blank is 0), or null when SQL cannot convert it exactly. */
export function numberSql(value: SqlValue): SqlValue | null {
  switch (value.type) {
    case 'number':
      return { ...value, sql: value.nullable ? sql`COALESCE(${value.sql}, 0)` : value.sql, nullable: false };
    case 'boolean':
      return {
        ...value,
        type: 'number',
        sql: sql`(CASE WHEN ${value.sql} THEN 1 ELSE 0 END)::float8`,
        nullable: false,
      };
    case 'blank':
      return exact('number', ['0::float8'], false);
    case 'text': {
      const text = sql`COALESCE(${value.sql}, '')`;
      const readable = sql`(${text} = '' OR (${text} ~ ${[SAFE_NUMERIC]} AND ${text} ~ ${[SAFE_DIGITS]}))`;
      return {
        type: 'number',
        sql: sql`(CASE WHEN ${text} = '' THEN 0 WHEN ${readable} THEN (${text})::float8 ELSE 0 END)`,
        guard: guards(value.guard, readable),
        nullable: false,
      };
    }
    default:
      return null;
  }
}

/** A value as text the way `&` prints it (blank is ''), or null when SQL cannot print it exactly. */
export function textSql(value: SqlValue): SqlValue | null {
  const text = (fragment: Sql, guard: Sql | null = value.guard): SqlValue => ({
    type: 'text',
    sql: fragment,
    guard,
    nullable: false,
  });
  switch (value.type) {
    case 'text':
      return value.nullable ? text(sql`COALESCE(${value.sql}, '')`) : value;
    case 'textArray':
      return text(sql`COALESCE(array_to_string(${value.sql}, ', '), '')`);
    case 'blank':
      return text(["''"]);
    case 'boolean':
      return text(sql`(CASE WHEN ${value.sql} IS NULL THEN '' WHEN ${value.sql} THEN '1' ELSE '0' END)`);
    case 'number': {
      // Integers below 1e15 print the same in PostgreSQL and JavaScript; other numbers are rechecked.
      const printable = sql`(${value.sql} IS NULL OR (${value.sql} = trunc(${value.sql}) AND abs(${value.sql}) < 1e15))`;
      return text(
        sql`(CASE WHEN ${value.sql} IS NULL THEN '' WHEN ${printable} THEN (trunc(${value.sql})::bigint)::text ELSE '' END)`,
        guards(value.guard, printable),
      );
    }
    case 'date':
    case 'timestamp': {
      const inRange = sql`(${value.sql} IS NULL OR (${value.sql} >= '0001-01-01' AND ${value.sql} < '10000-01-01'))`;
      const pattern = value.type === 'date' ? `'YYYY-MM-DD'` : `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
      const local = value.type === 'date' ? value.sql : sql`(${value.sql} AT TIME ZONE 'UTC')`;
      return text(
        sql`(CASE WHEN ${inRange} THEN COALESCE(to_char(${local}, ${[pattern]}), '') ELSE '' END)`,
        guards(value.guard, inRange),
      );
    }
  }
}

/** filterByFormula truthiness as SQL boolean (NULL means false). */
export function truthSql(value: SqlValue): SqlValue {
  const bool = (fragment: Sql, nullable = true): SqlValue => ({
    type: 'boolean',
    sql: fragment,
    guard: value.guard,
    nullable,
  });
  if (value.constant) return bool([isTruthy(value.constant.value) ? 'TRUE' : 'FALSE'], false);
  switch (value.type) {
    case 'boolean':
      return value;
    case 'number':
      if (value.found) return { type: 'boolean', sql: value.found, guard: null, nullable: false };
      return bool(sql`(${value.sql} <> 0)`);
    case 'text':
      return bool(sql`(${value.sql} <> '')`);
    case 'textArray':
      return bool(sql`(cardinality(${value.sql}) > 0)`);
    case 'date':
    case 'timestamp':
      return bool(sql`(${value.sql} IS NOT NULL)`, false);
    case 'blank':
      return bool(['FALSE'], false);
  }
}
