import { bindFormula } from '@tableport/formula';
import type { SqlExecutor } from '../../../infra/db';
import { readCell } from '../fields/codecs';
import type { Evaluators} from '../compute/compute.values';
import { formulaCells, resultCell } from '../compute/compute.values';
import { formulaField, isVolatile } from '../schema/formula.options';
import type { BaseModel, FieldModel, TableModel } from '../schema/schema.model';
import { cellsById, storedValue, type RecordRow } from './record.row';
import type { RecordShape } from './records.format';
import { linkedDataFor } from './records.linked';

/**
 * Formula fields whose value depends on the clock (NOW, TODAY...), directly or through another such
 * formula: their stored value is from the last write, so reads compute them again.
 */
export function volatileFields(table: TableModel): FieldModel[] {
  const volatile = new Set<string>();
  for (const field of table.fields) {
    if (field.type !== 'formula') continue;
    const bound = bindFormula(field.options!.formula as string, { fields: table.fields.map(formulaField) });
    if (isVolatile(bound.root) || bound.fields.some((ref) => volatile.has(ref.id))) volatile.add(field.id);
  }
  return table.fields.filter((field) => volatile.has(field.id));
}

/** A cell override that recomputes the table's volatile formulas for these rows at read time, or none. */
export async function volatileOverride(
  db: SqlExecutor,
  options: { base: BaseModel; table: TableModel; rows: readonly RecordRow[]; evaluators: Evaluators },
): Promise<RecordShape['override']> {
  const fields = options.evaluators.volatile(options.table, volatileFields);
  if (fields.length === 0 || options.rows.length === 0) return undefined;
  const { table } = options;
  const linked = await linkedDataFor(db, { base: options.base, table, rows: options.rows });
  const now = Date.now();
  const computed = new Map<string, Map<string, unknown>>();
  for (const row of options.rows) {
    const record = { id: row.id, createdTime: row.created_time, lastModifiedTime: row.modified_time, cells: cellsById(row, table) };
    const values = new Map<string, unknown>();
    for (const field of fields) {
      const evaluate = options.evaluators.formula(table, field, now);
      const cell = resultCell(evaluate({ ...record, lastModifiedTime: row.modified_time ?? row.created_time, fields: formulaCells({ table, record, linked }) }));
      values.set(field.id, cell);
      if (cell === null || cell === undefined) delete record.cells[field.id];
      else record.cells[field.id] = cell;
    }
    computed.set(row.id, values);
  }
  return (field, row) => {
    const values = computed.get(row.id);
    if (values?.has(field.id)) return readCell(field, values.get(field.id));
    return readCell(field, storedValue(row, field));
  };
}
