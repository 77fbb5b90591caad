import type { FieldSchema, FieldType } from '@tableport/contracts';
import { parseDateText } from './dates.parse';
import { FormulaDate, FormulaErrorValue, type Value } from './values.types';

/** The field type whose values a field produces: formula, rollup and lookup fields use their `result`. */
export function resultType(field: Pick<FieldSchema, 'type' | 'options'>): FieldType | null {
  if (field.type !== 'formula' && field.type !== 'rollup' && field.type !== 'multipleLookupValues')
    return field.type;
  const options = field.options as { result?: { type?: FieldType } | null } | undefined;
  return options?.result?.type ?? null;
}

/** Converts one cell (Airtable cell JSON) to a formula value, following the field's type. */
export function cellToValue(field: Pick<FieldSchema, 'type' | 'options'>, cell: unknown): Value {
  if (cell === undefined || cell === null) return null;
  if (field.type === 'multipleLookupValues') return listValue(resultType(field), cell);
  if (field.type === 'formula' || field.type === 'rollup') {
    return Array.isArray(cell) ? listValue(resultType(field), cell) : scalarValue(resultType(field), cell);
  }
  return Array.isArray(cell) ? listValue(field.type, cell) : scalarValue(field.type, cell);
}

function listValue(type: FieldType | null, cell: unknown): Value {
  const items = (Array.isArray(cell) ? cell : [cell]).map((item) => scalarValue(type, item));
  return items.length === 0 ? null : items;
}

function scalarValue(type: FieldType | null, cell: unknown): Value {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object') return objectValue(type, cell as Record<string, unknown>);
  if (typeof cell === 'string') return textValue(type, cell);
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return type === 'checkbox' || type === null ? (cell ? true : null) : cell;
  return null;
}

function textValue(type: FieldType | null, text: string): Value {
  if (text === '') return null;
  if (type === 'date' || type === 'dateTime' || type === 'createdTime' || type === 'lastModifiedTime') {
    const date = parseDateText(text);
    if (date === null) return text;
    return type === 'date' && text.length <= 10 ? new FormulaDate(date.ms, true) : date;
  }
  return text;
}

function objectValue(type: FieldType | null, cell: Record<string, unknown>): Value {
  if (typeof cell.error === 'string' && Object.keys(cell).length === 1)
    return new FormulaErrorValue(cell.error);
  if (typeof cell.specialValue === 'string') return Number(cell.specialValue);
  if (type === 'multipleAttachments' && typeof cell.filename === 'string')
    return `${cell.filename} (${String(cell.url)})`;
  if (type === 'barcode' && typeof cell.text === 'string') return cell.text || null;
  if (type === 'button' && typeof cell.label === 'string') return cell.label || null;
  if (type === 'aiText') return typeof cell.value === 'string' && cell.value !== '' ? cell.value : null;
  // Collaborators print their name; linked records ({id, name}) their primary value.
  for (const key of ['name', 'email', 'id']) {
    if (typeof cell[key] === 'string' && cell[key] !== '') return cell[key];
  }
  return null;
}
