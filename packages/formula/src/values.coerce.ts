import { parseDateText } from './dates.parse';
import { FormulaDate, FormulaErrorValue, errorValue, type Value } from './values.types';

const NUMERIC_TEXT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** JS number printing, except that -0 prints as "0" (as PostgreSQL and Airtable do). */
export function numberToText(value: number): string {
  return value === 0 ? '0' : String(value);
}

/** The ISO form of a date: `YYYY-MM-DD` for date-only values, else `toISOString()`. */
export function dateToText(value: FormulaDate): string {
  const iso =
    Number.isFinite(value.ms) && Math.abs(value.ms) <= 8.64e15
      ? new Date(value.ms).toISOString()
      : 'Invalid date';
  return value.dateOnly ? iso.slice(0, iso.length - 14) : iso;
}

/** String coercion: blank is "", booleans print 1/0, arrays join with ", " (errors must be checked first). */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof FormulaDate) return dateToText(value);
  if (value instanceof FormulaErrorValue) return value.display;
  return value.map(toText).join(', ');
}

/** True for text that reads as a plain decimal number (`12`, `-3.5`, `.5`, `1e3`), spaces allowed around. */
export function isNumericText(text: string): boolean {
  return NUMERIC_TEXT.test(text.trim());
}

/** Numeric coercion: blank and "" are 0, booleans 1/0, numeric text its number; anything else is an error. */
export function toNumber(value: Value): number | FormulaErrorValue {
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof FormulaErrorValue) return value;
  if (typeof value === 'string') return textToNumber(value);
  if (value instanceof FormulaDate) return errorValue('A date cannot be used as a number; use DATETIME_DIFF');
  return value.length === 1 ? toNumber(value[0]!) : textToNumber(toText(value));
}

function textToNumber(text: string): number | FormulaErrorValue {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (NUMERIC_TEXT.test(trimmed)) return Number(trimmed);
  return errorValue(`${JSON.stringify(text)} is not a number`);
}

/** Truthiness: falsy are 0, FALSE(), "", blank, NaN, [] and errors. */
export function isTruthy(value: Value): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  if (value instanceof FormulaDate) return true;
  if (value instanceof FormulaErrorValue) return false;
  return value.length > 0;
}

/** Date coercion: dates stay, text is parsed (ISO and common forms, UTC unless it has an offset). */
export function toDate(value: Value): FormulaDate | FormulaErrorValue | null {
  if (value instanceof FormulaDate || value instanceof FormulaErrorValue) return value;
  if (value === null || value === '') return null;
  if (typeof value === 'string')
    return parseDateText(value) ?? errorValue(`${JSON.stringify(value)} is not a date`);
  if (Array.isArray(value) && value.length === 1) return toDate(value[0] as Value);
  if (Array.isArray(value)) return toDate(toText(value));
  return errorValue('Expected a date');
}

/** Flattens nested arrays (lookups of lookups) into one list. */
export function flatten(values: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const value of values) {
    if (Array.isArray(value)) out.push(...flatten(value as readonly Value[]));
    else out.push(value);
  }
  return out;
}

/** The first error among the values, or null. */
export function firstError(values: readonly Value[]): FormulaErrorValue | null {
  for (const value of values) if (value instanceof FormulaErrorValue) return value;
  return null;
}
