import { formulaError } from './formula.errors';

/** Formula text built by these helpers: every value is quoted and escaped, so it cannot change the formula's shape. */
export type FormulaText = string & { readonly __formula: true };

/** A value the builder can write as a literal. */
export type FormulaValue = string | number | boolean | null | Date;

/** Comparison operators of the language. */
export type ComparisonOperator = '=' | '!=' | '<' | '>' | '<=' | '>=';

const text = (source: string) => source as FormulaText;

/** `{Field Name}` (or `{fldXXX}`), with `}` and `\` escaped. */
export function fieldRef(nameOrId: string): FormulaText {
  return text(`{${nameOrId.replace(/\\/g, '\\\\').replace(/}/g, '\\}')}}`);
}

/** A literal: strings single-quoted and escaped, TRUE()/FALSE(), BLANK(), DATETIME_PARSE('ISO') for dates. */
export function literal(value: FormulaValue): FormulaText {
  if (value === null) return text('BLANK()');
  if (typeof value === 'boolean') return text(value ? 'TRUE()' : 'FALSE()');
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw formulaError('formula.invalid_argument', 'Numbers in a filter must be finite', null);
    return text(value < 0 ? `(${String(value)})` : String(value));
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw formulaError('formula.invalid_argument', 'Invalid date in a filter', null);
    return text(`DATETIME_PARSE('${value.toISOString()}')`);
  }
  return text(`'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
}

/** `{field} op value`, e.g. `compare('Age', '>=', 21)` gives `{Age}>=21`. */
export function compare(field: string, operator: ComparisonOperator, value: FormulaValue): FormulaText {
  return text(`${fieldRef(field)}${operator}${literal(value)}`);
}

/** `AND(a, b, ...)`; one part stays bare, none is an error. */
export function and(...parts: FormulaText[]): FormulaText {
  return combine('AND', parts);
}

/** `OR(a, b, ...)`; one part stays bare, none is an error. */
export function or(...parts: FormulaText[]): FormulaText {
  return combine('OR', parts);
}

/** `NOT(part)`. */
export function not(part: FormulaText): FormulaText {
  return text(`NOT(${part})`);
}

function combine(name: string, parts: FormulaText[]): FormulaText {
  if (parts.length === 0)
    throw formulaError('formula.invalid_argument', `${name} needs at least one condition`, null);
  return parts.length === 1 ? parts[0]! : text(`${name}(${parts.join(', ')})`);
}

/** One condition of {@link match}: a value (equality) or `[operator, value]`. */
export type MatchCondition = FormulaValue | readonly [ComparisonOperator, FormulaValue];

/**
 * pyairtable's `match`: `match({Name: "O'Brien", Age: ['>=', 21]})` gives `AND({Name}='O\'Brien', {Age}>=21)`;
 * with `{ any: true }` the conditions are ORed.
 */
export function match(
  conditions: Readonly<Record<string, MatchCondition>>,
  options: { any?: boolean } = {},
): FormulaText {
  const parts = Object.entries(conditions).map(([field, condition]) =>
    Array.isArray(condition)
      ? compare(field, condition[0] as ComparisonOperator, condition[1] as FormulaValue)
      : compare(field, '=', condition as FormulaValue),
  );
  return options.any === true ? or(...parts) : and(...parts);
}

/** Text search in one field: case-insensitive unless asked, true when the field contains the text. */
export function contains(
  field: string,
  needle: string,
  options: { caseSensitive?: boolean } = {},
): FormulaText {
  const haystack = options.caseSensitive === true ? fieldRef(field) : `LOWER(${fieldRef(field)})`;
  const target = options.caseSensitive === true ? literal(needle) : literal(needle.toLowerCase());
  return text(`FIND(${target}, ${haystack})>0`);
}

/** Text search across several fields (OR of {@link contains}). */
export function search(
  fields: readonly string[],
  needle: string,
  options: { caseSensitive?: boolean } = {},
): FormulaText {
  return or(...fields.map((field) => contains(field, needle, options)));
}

/** True when the field is blank (`{X}=BLANK()`: also "", 0 for numbers and unchecked boxes). */
export function isBlank(field: string): FormulaText {
  return text(`${fieldRef(field)}=BLANK()`);
}

/** True when the field is not blank. */
export function isNotBlank(field: string): FormulaText {
  return not(isBlank(field));
}
