import { bindFormula, cellToValue, createRecordEvaluator, valueToCell, valueToText, type FormulaRecord, type Value } from '@tableport/formula';
import { formulaField } from '../schema/formula.options';
import type { FieldModel, TableModel } from '../schema/schema.model';

/** A linked record as computed fields read it: cells by field id and its primary value as text. */
export interface LinkedRecord {
  cells: Record<string, unknown>;
  primaryText: string;
}

/** Linked records by link field id, then record id. */
export type LinkedData = Map<string, Map<string, LinkedRecord>>;

/** One record being computed. */
export interface ComputeRecord {
  id: string;
  createdTime: Date;
  lastModifiedTime: Date | null;
  /** Cell JSON by field id; computed cells are replaced as they are computed. */
  cells: Record<string, unknown>;
}

type Evaluator = (record: FormulaRecord) => Value;

/** Cached evaluators of one table's formula and rollup fields (per schema version). */
export class Evaluators {
  private readonly cache = new Map<string, Evaluator>();
  private readonly clockFields = new WeakMap<TableModel, FieldModel[]>();

  /** The table's clock-dependent formula fields, computed once per table model. */
  volatile(table: TableModel, find: (table: TableModel) => FieldModel[]): FieldModel[] {
    let found = this.clockFields.get(table);
    if (!found) {
      found = find(table);
      this.clockFields.set(table, found);
    }
    return found;
  }

  /** The evaluator of a formula field; pass `now` for a read-time evaluation (not cached). */
  formula(table: TableModel, field: FieldModel, now?: number): Evaluator {
    const bind = () => bindFormula(field.options!.formula as string, { fields: table.fields.map(formulaField) });
    if (now !== undefined) return createRecordEvaluator(bind(), { now });
    const key = `${field.id}:${String(field.options?.formula)}`;
    let found = this.cache.get(key);
    if (!found) {
      found = createRecordEvaluator(bind());
      this.cache.set(key, found);
    }
    return found;
  }

  rollup(field: FieldModel, lookedUp: FieldModel): Evaluator {
    const key = `${field.id}:${String(field.options?.formula)}`;
    let found = this.cache.get(key);
    if (!found) {
      // `values` has the looked-up field's type, so SUM(values) and ARRAYJOIN(values) read it right.
      const result = { type: lookedUp.type, options: lookedUp.options ?? undefined };
      const values = { id: 'values', name: 'values', type: 'multipleLookupValues' as const, options: { isValid: true, result } };
      const bound = bindFormula(field.options!.formula as string, { fields: [values] });
      found = createRecordEvaluator(bound);
      this.cache.set(key, found);
    }
    return found;
  }
}

/** A formula result as a stored cell: booleans are 1/0 (Airtable shows TRUE() as 1). */
export function resultCell(value: Value): unknown {
  const cell = valueToCell(value);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  return cell === '' ? null : cell;
}

/** The looked-up values of a record: the linked records' cells of one field, flattened, in link order. */
export function lookupValues(options: { linkIds: readonly string[]; linked: Map<string, LinkedRecord> | undefined; fieldId: string }): unknown[] {
  const out: unknown[] = [];
  for (const id of options.linkIds) {
    const cell = options.linked?.get(id)?.cells[options.fieldId];
    if (cell === undefined) continue;
    if (Array.isArray(cell)) out.push(...(cell as unknown[]));
    else out.push(cell);
  }
  return out;
}

/** The primary value of a record as text (what a link shows). */
export function primaryText(table: TableModel, cells: Record<string, unknown>): string {
  const primary = table.fieldById.get(table.primaryFieldId)!;
  return valueToText(cellToValue(formulaField(primary) as never, cells[primary.id]));
}

/** A record's cells for a formula: link cells become `{id, name}` so formulas see primary values. */
export function formulaCells(options: { table: TableModel; record: ComputeRecord; linked: LinkedData }): Record<string, unknown> {
  const cells = { ...options.record.cells };
  for (const field of options.table.fields) {
    if (field.type !== 'multipleRecordLinks') continue;
    const ids = cells[field.id];
    const records = options.linked.get(field.id);
    if (!Array.isArray(ids) || !records) continue;
    cells[field.id] = (ids as string[]).map((id) => ({ id, name: records.get(id)?.primaryText ?? '' }));
  }
  return cells;
}
