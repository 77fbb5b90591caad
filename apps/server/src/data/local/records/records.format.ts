import type { RecordData } from '../../data.types';
import { readCell } from '../fields/codecs';
import type { FieldModel, TableModel } from '../schema/schema.model';
import { storedValue, type RecordRow } from './record.row';

/** How to shape records: keys by id or name, which fields, and a cell renderer (json or string). */
export interface RecordShape {
  byFieldId: boolean;
  /** Only these fields (fields[]); undefined = all. */
  fields?: readonly FieldModel[];
  /** Renders a non-empty cell (cellFormat=string); default: the cell JSON as is. */
  render?: (field: FieldModel, cell: unknown, row: RecordRow) => unknown;
  /** Overrides a field's cell (volatile formulas computed at read time). */
  override?: (field: FieldModel, row: RecordRow) => unknown;
}

/** A row as Airtable's record object: empty cells omitted, `createdTime` always present. */
export function toRecordData(row: RecordRow, table: TableModel, shape: RecordShape): RecordData {
  const fields: Record<string, unknown> = {};
  for (const field of shape.fields ?? table.fields) {
    const cell = shape.override ? shape.override(field, row) : readCell(field, storedValue(row, field));
    if (cell === undefined) continue;
    const value = shape.render ? shape.render(field, cell, row) : cell;
    if (value === undefined || value === '') continue;
    fields[shape.byFieldId ? field.id : field.name] = value;
  }
  return { id: row.id, createdTime: row.created_time.toISOString(), fields };
}
