import { bindFormula, type BoundFormula, type BoundNode, type FormulaField } from '@tableport/formula';
import { AppError, type FieldType } from '@tableport/contracts';
import type { FieldModel } from './schema.model';

/** A field as the formula engine reads it. */
export function formulaField(field: FieldModel): FormulaField {
  return { id: field.id, name: field.name, type: field.type, options: field.options ?? undefined };
}

/** Binds a formula against fields; formula errors keep their codes, prefixed with the field name. */
export function bindFieldFormula(options: { formula: string; fields: readonly FieldModel[]; name: string }): BoundFormula {
  try {
    return bindFormula(options.formula, { fields: options.fields.map(formulaField) });
  } catch (error) {
    if (AppError.isInstance(error)) {
      throw new AppError({
        code: 'field.invalid_options',
        message: `Field "${options.name}": invalid formula: ${error.message}`,
        details: { formulaCode: error.code, ...(error.details ?? {}) },
        cause: error,
      });
    }
    throw error;
  }
}

/** The formula text with every field reference written as `{fldXXX}` (Airtable's read format). */
export function formulaWithIds(bound: BoundFormula): string {
  const refs: { start: number; end: number; id: string }[] = [];
  const walk = (node: BoundNode): void => {
    if (node.kind === 'field') refs.push({ start: node.span.start, end: node.span.end, id: node.field.id });
    else if (node.kind === 'unary') walk(node.operand);
    else if (node.kind === 'binary') [node.left, node.right].forEach(walk);
    else if (node.kind === 'call') node.args.forEach(walk);
  };
  walk(bound.root);
  let text = bound.source;
  for (const ref of refs.sort((a, b) => b.start - a.start)) {
    text = `${text.slice(0, ref.start)}{${ref.id}}${text.slice(ref.end)}`;
  }
  return text;
}

type Result = { type: FieldType; options?: Record<string, unknown> };
const NUMBER: Result = { type: 'number', options: { precision: 0 } };
const TEXT: Result = { type: 'singleLineText' };
const DATE_TIME: Result = {
  type: 'dateTime',
  options: {
    timeZone: 'utc',
    dateFormat: { name: 'iso', format: 'YYYY-MM-DD' },
    timeFormat: { name: '24hour', format: 'HH:mm' },
  },
};
const TEXT_FUNCTIONS_RETURNING_NUMBERS = new Set(['FIND', 'SEARCH', 'LEN', 'VALUE', 'REGEX_MATCH']);
const DATE_FUNCTIONS_RETURNING_TEXT = new Set(['DATESTR', 'TIMESTR', 'DATETIME_FORMAT', 'TONOW', 'FROMNOW']);
const DATE_FUNCTIONS_RETURNING_DATES = new Set([
  'NOW', 'TODAY', 'DATEADD', 'DATETIME_PARSE', 'SET_LOCALE', 'SET_TIMEZONE', 'WORKDAY', 'CREATED_TIME', 'LAST_MODIFIED_TIME',
]);

/** The result type Airtable would show for a formula (booleans are numbers 1/0, as on Airtable). */
export function inferResult(node: BoundNode): Result {
  switch (node.kind) {
    case 'number':
    case 'boolean':
    case 'unary':
      return NUMBER;
    case 'string':
      return TEXT;
    case 'field':
      return fieldResult(node.field);
    case 'binary':
      return node.operator === '&' ? TEXT : NUMBER;
    case 'call':
      return callResult(node);
  }
}

function fieldResult(field: FormulaField): Result {
  const options = field.options as Record<string, unknown> | undefined;
  if (field.type === 'formula' || field.type === 'rollup' || field.type === 'multipleLookupValues') {
    return (options?.result as Result | undefined) ?? TEXT;
  }
  if (field.type === 'checkbox') return NUMBER;
  return { type: field.type, ...(options ? { options } : {}) };
}

function callResult(node: BoundNode & { kind: 'call' }): Result {
  const { name, spec } = node;
  if (name === 'IF') return inferResult(node.args[1] ?? node.args[0]!);
  if (name === 'SWITCH') return inferResult(node.args[2] ?? node.args[0]!);
  if (name === 'BLANK' || name === 'ERROR') return TEXT;
  if (spec.category === 'logical' || spec.category === 'numeric') return NUMBER;
  if (spec.category === 'text') return TEXT_FUNCTIONS_RETURNING_NUMBERS.has(name) ? NUMBER : TEXT;
  if (spec.category === 'date') {
    if (DATE_FUNCTIONS_RETURNING_TEXT.has(name)) return TEXT;
    if (name === 'TODAY') return { type: 'date', options: { dateFormat: { name: 'iso', format: 'YYYY-MM-DD' } } };
    return DATE_FUNCTIONS_RETURNING_DATES.has(name) ? DATE_TIME : NUMBER;
  }
  if (spec.category === 'record') return name === 'RECORD_ID' ? TEXT : DATE_TIME;
  return TEXT;
}

/** True when the formula reads the clock (NOW, TODAY...): its stored value can go stale. */
export function isVolatile(node: BoundNode): boolean {
  if (node.kind === 'call') {
    return (node.spec.lazy !== true && node.spec.volatile === true) || node.args.some(isVolatile);
  }
  if (node.kind === 'unary') return isVolatile(node.operand);
  if (node.kind === 'binary') return isVolatile(node.left) || isVolatile(node.right);
  return false;
}
