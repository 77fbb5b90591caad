import { isNumericText, toDate, toText } from './values.coerce';
import { FormulaDate, FormulaErrorValue, type Value } from './values.types';

/**
 * Compares two values: negative, 0 or positive; NaN when unordered (a NaN operand).
 * Rules (docs/formulas.md): blank takes the other side's zero; numbers and booleans compare as
 * numbers; dates as instants (text is parsed as a date); number against text as numbers when the
 * text is numeric, else as text; text by Unicode code points (PostgreSQL's `COLLATE "C"`).
 */
export function compareValues(left: Value, right: Value): number | FormulaErrorValue {
  if (left instanceof FormulaErrorValue) return left;
  if (right instanceof FormulaErrorValue) return right;
  const a = Array.isArray(left) ? toText(left) : (left as Exclude<Value, readonly Value[]>);
  const b = Array.isArray(right) ? toText(right) : (right as Exclude<Value, readonly Value[]>);
  if (a === null && b === null) return 0;
  if (a === null) return compareValues(zeroLike(b), b);
  if (b === null) return compareValues(a, zeroLike(a));
  if (isNumberLike(a) && isNumberLike(b)) return compareNumbers(Number(a), Number(b));
  if (a instanceof FormulaDate || b instanceof FormulaDate) return compareDates(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  const text = typeof a === 'string' ? a : (b as string);
  if (isNumericText(text)) return compareNumbers(Number(a), Number(b));
  return compareText(toText(a), toText(b));
}

function isNumberLike(value: Value): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

function zeroLike(value: Value): Value {
  if (typeof value === 'number') return 0;
  if (typeof value === 'boolean') return false;
  return '';
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDates(a: Value, b: Value): number {
  const left = typeof a === 'string' ? toDate(a) : a;
  const right = typeof b === 'string' ? toDate(b) : b;
  if (left instanceof FormulaDate && right instanceof FormulaDate) return compareNumbers(left.ms, right.ms);
  return compareText(toText(a), toText(b));
}

/** Orders text by Unicode code point, as UTF-8 bytes order (PostgreSQL `COLLATE "C"`). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    // UTF-16 order differs from code-point order only when a surrogate meets U+E000..U+FFFF.
    if (x < 0xd800 || y < 0xd800) return x - y;
    return (a.codePointAt(index) ?? x) - (b.codePointAt(index) ?? y);
  }
  return a.length - b.length;
}

/** `=`: true when the values compare equal (blank = "" = 0 = FALSE()). */
export function valuesEqual(left: Value, right: Value): boolean | FormulaErrorValue {
  const order = compareValues(left, right);
  return order instanceof FormulaErrorValue ? order : order === 0;
}
