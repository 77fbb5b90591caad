import { param, sql } from './sql.chunks';
import type { SqlValue } from './sql.value';
import { dateToText } from './values.coerce';
import { FormulaDate, type Value } from './values.types';

// PostgreSQL text cannot hold NUL, and UTF-8 cannot hold a lone surrogate: such text stays in process.
const UNSENDABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text can be sent to PostgreSQL unchanged. */
export function isSendableText(text: string): boolean {
  return !UNSENDABLE.test(text);
}

/** True when the instant is within years 1..9999 (PostgreSQL and ISO text agree there). */
export function isSendableDate(ms: number): boolean {
  return ms >= -62_135_596_800_000 && ms < 253_402_300_800_000;
}

/** A constant as a bound parameter, or null when SQL cannot hold it exactly. */
export function constantSql(value: Value): SqlValue | null {
  const constant = { value };
  if (value === null) return { type: 'blank', sql: ['NULL'], guard: null, nullable: true, constant };
  // NaN compares unlike JavaScript in PostgreSQL (NaN = NaN, NaN > all): leave it to the evaluator.
  if (typeof value === 'number' && Number.isNaN(value)) return null;
  if (typeof value === 'number')
    return { type: 'number', sql: sql`${[param(value)]}::float8`, guard: null, nullable: false, constant };
  if (typeof value === 'string') {
    if (!isSendableText(value)) return null;
    return { type: 'text', sql: sql`${[param(value)]}::text`, guard: null, nullable: false, constant };
  }
  if (typeof value === 'boolean')
    return { type: 'boolean', sql: [value ? 'TRUE' : 'FALSE'], guard: null, nullable: false, constant };
  if (value instanceof FormulaDate) {
    if (!isSendableDate(value.ms) || value.timeZone !== null) return null;
    const type = value.dateOnly ? 'date' : 'timestamp';
    return {
      type,
      sql: sql`${[param(dateToText(value))]}::${[type === 'date' ? 'date' : 'timestamptz']}`,
      guard: null,
      nullable: false,
      constant,
    };
  }
  return null;
}
