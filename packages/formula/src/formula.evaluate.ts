import { bindFormula, type BoundFormula, type FormulaField } from './formula.bind';
import { compileEvaluator } from './evaluate.compile';
import { isTruthy, toText } from './values.coerce';
import { FormulaDate, FormulaErrorValue, type Value } from './values.types';
import { dateToText } from './values.coerce';

/** A record as the evaluator reads it; `fields` holds Airtable cell JSON keyed by field id (or name). */
export interface FormulaRecord {
  readonly id: string;
  readonly createdTime?: string | number | Date | undefined;
  readonly lastModifiedTime?: string | number | Date | undefined;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Options of {@link createRecordEvaluator}. */
export interface RecordEvaluatorOptions {
  /** Whether `record.fields` is keyed by field id (default) or by field name. */
  readonly cellKey?: 'id' | 'name';
  /** "Now" for NOW()/TODAY()/TONOW(); pass the same instant to the SQL compiler. Default: Date.now(). */
  readonly now?: number | Date;
}

function toMs(value: string | number | Date | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(ms) ? fallback : ms;
}

/** Compiles a formula once and returns a function that evaluates it on one record. */
export function createRecordEvaluator(formula: BoundFormula, options: RecordEvaluatorOptions = {}) {
  const evaluate = compileEvaluator(formula, { cellKey: options.cellKey ?? 'id' });
  const now = toMs(options.now, Date.now());
  return (record: FormulaRecord): Value => {
    const createdTime = toMs(record.createdTime, 0);
    const context = {
      recordId: record.id,
      createdTime,
      lastModifiedTime: toMs(record.lastModifiedTime, createdTime),
      now,
    };
    return evaluate({ cells: record.fields, context });
  };
}

/** One-off evaluation: binds the formula against the fields, then evaluates it on the record. */
export function evaluateFormula(
  formula: string,
  record: FormulaRecord,
  options: RecordEvaluatorOptions & { fields: readonly FormulaField[] },
): Value {
  return createRecordEvaluator(bindFormula(formula, options), options)(record);
}

/** filterByFormula's rule: a record matches when the value is truthy; errors never match. */
export function isMatch(value: Value): boolean {
  return isTruthy(value);
}

/** A formula value as Airtable's cell JSON: dates as ISO text, errors as `{"error":"#ERROR!"}`, NaN as special values. */
export function valueToCell(value: Value): unknown {
  if (value instanceof FormulaErrorValue) return { error: value.display };
  if (value instanceof FormulaDate) return dateToText(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return { specialValue: String(value) };
  if (typeof value === 'number') return value + 0;
  if (Array.isArray(value)) return value.map(valueToCell);
  return value;
}

/** A formula value as text, the way `&` prints it. */
export function valueToText(value: Value): string {
  return toText(value);
}
