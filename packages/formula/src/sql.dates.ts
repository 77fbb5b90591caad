import { parseDateText } from './dates.parse';
import { readUnit, UNIT_MS } from './functions/date.units';
import { param, sql, type Sql } from './sql.chunks';
import type { SqlFunctionCompiler } from './sql.functions';
import { asTimestamp, guardOf, guards, type SqlValue } from './sql.value';
import { constantSql } from './sql.constant';

// Years 1..9999: there PostgreSQL's calendar (no year 0) and JavaScript's agree.
const inRange = (timestamp: Sql) =>
  sql`(${timestamp} >= '0001-01-01T00:00:00Z' AND ${timestamp} < '10000-01-01T00:00:00Z')`;

/** A date argument as timestamptz; constant text is parsed now. Null when SQL cannot read it. */
function instant(value: SqlValue): SqlValue | null {
  if (value.type === 'date' || value.type === 'timestamp') return value;
  const constant = value.constant?.value;
  if (typeof constant === 'string') {
    const date = parseDateText(constant);
    return date ? constantSql(date) : null;
  }
  return null;
}

function required(values: SqlValue[]): { stamps: Sql[]; guard: Sql | null } {
  const stamps = values.map(asTimestamp);
  // A blank date makes these functions return #ERROR!: such rows are rechecked in process.
  return { stamps, guard: guards(guardOf(...values), ...stamps.map((stamp) => sql`${stamp} IS NOT NULL`)) };
}

function comparison(operator: '>' | '<' | '='): SqlFunctionCompiler {
  return (args) => {
    if (args.length > 2) return null;
    const dates = args.map(instant);
    if (dates.some((date) => date === null)) return null;
    const { stamps, guard } = required(dates as SqlValue[]);
    return { type: 'boolean', sql: sql`(${stamps[0]!} ${[operator]} ${stamps[1]!})`, guard, nullable: true };
  };
}

function constantText(value: SqlValue | undefined): string | null {
  const constant = value?.constant?.value;
  return typeof constant === 'string' ? constant : null;
}

function part(field: string, wrap = (fragment: Sql) => fragment): SqlFunctionCompiler {
  return ([value]) => {
    const date = instant(value!);
    if (!date) return null;
    const local = sql`(${asTimestamp(date)} AT TIME ZONE 'UTC')`;
    return {
      type: 'number',
      sql: sql`(CASE WHEN ${inRange(asTimestamp(date))} THEN ${wrap(sql`EXTRACT(${[field]} FROM ${local})`)}::float8 END)`,
      guard: guards(date.guard, sql`(${asTimestamp(date)} IS NULL OR ${inRange(asTimestamp(date))})`),
      nullable: true,
    };
  };
}

/** Date functions SQL computes exactly (all in UTC): IS_AFTER, IS_BEFORE, IS_SAME, DATETIME_DIFF, DATEADD, YEAR...SECOND, WEEKDAY, DATESTR. */
export const dateSqlFunctions: Record<string, SqlFunctionCompiler> = {
  IS_AFTER: comparison('>'),
  IS_BEFORE: comparison('<'),
  IS_SAME: comparison('='),
  DATETIME_DIFF: (args) => {
    const unit = args[2] === undefined ? 's' : readUnit(constantText(args[2]) ?? '');
    const unitMs = unit === null ? undefined : UNIT_MS[unit];
    const dates = args.slice(0, 2).map(instant);
    if (unitMs === undefined || dates.some((date) => date === null)) return null;
    const { stamps, guard } = required(dates as SqlValue[]);
    const millis = sql`((EXTRACT(EPOCH FROM ${stamps[0]!}) - EXTRACT(EPOCH FROM ${stamps[1]!})) * 1000)`;
    return {
      type: 'number',
      sql: sql`trunc(${millis} / ${[String(unitMs)]})::float8`,
      guard,
      nullable: true,
    };
  },
  DATEADD: ([value, count, unitText]) => {
    const date = instant(value!);
    const amount = count?.constant?.value;
    const unit = readUnit(constantText(unitText) ?? '');
    if (!date || typeof amount !== 'number' || !Number.isFinite(amount) || unit === null) return null;
    const local = sql`(${asTimestamp(date)} AT TIME ZONE 'UTC')`;
    const round = (n: number) => Math.sign(n) * Math.round(Math.abs(n));
    let shifted: Sql;
    if (unit === 'M' || unit === 'Q' || unit === 'y') {
      const months = round(amount * (unit === 'M' ? 1 : unit === 'Q' ? 3 : 12));
      if (Math.abs(months) > 120_000) return null;
      shifted = sql`(${local} + make_interval(months => ${[param(months)]}::int))`;
    } else {
      const ms =
        unit === 'd' || unit === 'w'
          ? round(amount * (unit === 'w' ? 7 : 1)) * 86_400_000
          : amount * UNIT_MS[unit]!;
      if (!Number.isInteger(ms) || Math.abs(ms) > 3e14) return null;
      shifted = sql`(${local} + ${[param(ms)]}::float8 * interval '1 millisecond')`;
    }
    const safe = inRange(asTimestamp(date));
    return {
      type: 'timestamp',
      sql: sql`(CASE WHEN ${safe} THEN ${shifted} AT TIME ZONE 'UTC' END)`,
      guard: guards(date.guard, sql`(${asTimestamp(date)} IS NULL OR ${safe})`),
      nullable: true,
    };
  },
  YEAR: part('YEAR'),
  MONTH: part('MONTH'),
  DAY: part('DAY'),
  HOUR: part('HOUR'),
  MINUTE: part('MINUTE'),
  SECOND: part('SECOND', (fragment) => sql`floor(${fragment})`),
  WEEKDAY: (args) => (args.length > 1 ? null : part('DOW')(args, [], undefined as never)),
  DATESTR: ([value]) => {
    const date = instant(value!);
    if (!date) return null;
    const stamp = asTimestamp(date);
    return {
      type: 'text',
      sql: sql`(CASE WHEN ${inRange(stamp)} THEN to_char(${stamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD') END)`,
      guard: guards(date.guard, sql`(${stamp} IS NULL OR ${inRange(stamp)})`),
      nullable: true,
    };
  },
};
