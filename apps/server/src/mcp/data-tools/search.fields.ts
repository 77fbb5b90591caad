import type { FieldType } from '@tableport/contracts';
import type { FieldSchema, TableSchema } from '../../data';
import { fieldRef, literal, and, or, type FormulaText } from '@tableport/formula';
import { words } from './search.fuzzy';
import { displayText } from './records.compact';

const TEXT_LIKE: ReadonlySet<FieldType> = new Set<FieldType>([
  'singleLineText',
  'multilineText',
  'richText',
  'email',
  'url',
  'phoneNumber',
  'singleSelect',
  'multipleSelects',
  'singleCollaborator',
  'multipleCollaborators',
  'multipleLookupValues',
  'rollup',
  'formula',
  'barcode',
  'aiText',
]);

const MULTI: ReadonlySet<FieldType> = new Set<FieldType>([
  'multipleSelects',
  'multipleCollaborators',
  'multipleLookupValues',
  'rollup',
]);

/** The fields search reads by default: every text-like field, lookups and text formulas included. */
export function searchableFields(table: TableSchema): FieldSchema[] {
  return table.fields.filter((field) => {
    if (!TEXT_LIKE.has(field.type)) return false;
    if (field.type !== 'formula') return true;
    const result = (field.options as { result?: { type?: string } | null } | undefined)?.result?.type;
    return result === undefined || result === 'singleLineText' || result === 'multilineText';
  });
}

/** A cell's searchable texts. */
export function cellTexts(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(cellTexts);
  return [displayText(value)];
}

/**
 * Airtable's own formulas for a search (the real-Airtable driver runs them server-side): every
 * word of the query must appear, case-insensitively, in one of the fields. Exact, not fuzzy.
 */
export function exactSearchFormula(fields: readonly FieldSchema[], query: string): FormulaText {
  const terms = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
  const haystack = (field: FieldSchema) =>
    MULTI.has(field.type)
      ? `LOWER(ARRAYJOIN(${fieldRef(field.name)}, ' '))`
      : `LOWER(${fieldRef(field.name)}&'')`;
  const inField = (term: string) =>
    or(...fields.map((field) => `FIND(${literal(term)}, ${haystack(field)})>0` as FormulaText));
  return and(...(terms.length > 0 ? terms : words(query)).map(inField));
}
