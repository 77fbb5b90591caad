import { param, type Sql } from '@tableport/formula';
import { columnKind, sourceSql } from '../fields/field.storage';
import { choicesOf } from '../fields/select.codec';
import type { FieldModel } from '../schema/schema.model';
import type { RecordRow } from './record.row';
import { readCell } from '../fields/codecs';
import { storedValue } from './record.row';

/** One resolved sort key. */
export interface SortKey {
  field: FieldModel;
  direction: 'asc' | 'desc';
}

const SORTABLE_KINDS = new Set(['text', 'number', 'boolean', 'date', 'timestamp']);

/** The ORDER BY expression of a field, or null when only the process can order it. */
function sortExpression(field: FieldModel): Sql | null {
  const source = sourceSql(field);
  if (source === null) return null;
  if (field.type === 'singleSelect') {
    // Airtable orders select values by the order of the field's choices.
    return ['array_position(', param(choicesOf(field).map((choice) => choice.id)), `::text[], ${source})`];
  }
  if (field.type === 'formula' || field.type === 'rollup') {
    const result = (field.options?.result as { type?: string } | undefined)?.type;
    const numeric = ['number', 'currency', 'percent', 'duration', 'rating'].includes(result ?? '');
    return numeric ? [`(CASE WHEN jsonb_typeof(${source}) = 'number' THEN (${source})::text::float8 END)`] : null;
  }
  if (['autoNumber', 'createdTime', 'lastModifiedTime'].includes(field.type)) return [source];
  const kind = columnKind(field);
  return kind && SORTABLE_KINDS.has(kind) ? [source] : null;
}

/**
 * ORDER BY for the keys, ending with creation order; null when a key needs the process. Blanks
 * sort first ascending and last descending (they are the smallest value).
 */
export function orderBySql(keys: readonly SortKey[]): Sql | null {
  const parts: Sql[] = [];
  for (const key of keys) {
    const expression = sortExpression(key.field);
    if (!expression) return null;
    parts.push([...expression, key.direction === 'desc' ? ' DESC NULLS LAST' : ' ASC NULLS FIRST']);
  }
  parts.push(['t.seq ASC']);
  return parts.flatMap((part, index) => (index === 0 ? part : [', ', ...part]));
}

function sortValue(cell: unknown): string | number | null {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell === 'string') return cell;
  if (Array.isArray(cell)) return cell.map((item) => String(sortValue(item) ?? '')).join(', ');
  const object = cell as Record<string, unknown>;
  for (const key of ['name', 'text', 'filename', 'email', 'label', 'id']) {
    const value = object[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorts rows in process with the same rules as SQL (blanks smallest, text by code unit, then creation order). */
export function sortRows(rows: RecordRow[], keys: readonly SortKey[], cellOf?: (field: FieldModel, row: RecordRow) => unknown): RecordRow[] {
  const read =
    cellOf ??
    ((field: FieldModel, row: RecordRow) => {
      const stored = storedValue(row, field);
      if (field.type !== 'singleSelect') return readCell(field, stored);
      const index = choicesOf(field).findIndex((choice) => choice.id === stored);
      return index < 0 ? null : index;
    });
  const decorated = rows.map((row) => ({ row, values: keys.map((key) => sortValue(read(key.field, row))) }));
  decorated.sort((left, right) => {
    for (const [index, key] of keys.entries()) {
      const order = compare(left.values[index]!, right.values[index]!);
      if (order !== 0) return key.direction === 'desc' ? -order : order;
    }
    return left.row.seq - right.row.seq;
  });
  return decorated.map((item) => item.row);
}
