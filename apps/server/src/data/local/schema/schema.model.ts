import type { FieldType } from '@tableport/contracts';

/** A field of a local table: options in Airtable's read format. */
export interface FieldModel {
  id: string;
  tableId: string;
  name: string;
  type: FieldType;
  description: string | null;
  options: Record<string, unknown> | null;
}

/** A view's own definition (filter, sorts, visible fields). */
export interface ViewModel {
  id: string;
  tableId: string;
  name: string;
  type: string;
  filterFormula: string | null;
  sorts: { fieldId: string; direction: 'asc' | 'desc' }[];
  visibleFieldIds: string[] | null;
}

/** A local table with lookups by id and name. */
export interface TableModel {
  id: string;
  baseId: string;
  name: string;
  description: string | null;
  primaryFieldId: string;
  fields: FieldModel[];
  views: ViewModel[];
  fieldById: Map<string, FieldModel>;
}

/** A local base's schema at one version. */
export interface BaseModel {
  id: string;
  version: number;
  tables: TableModel[];
  tableById: Map<string, TableModel>;
}

/** Builds a table model with its indexes. */
export function tableModel(table: Omit<TableModel, 'fieldById'>): TableModel {
  return { ...table, fieldById: new Map(table.fields.map((field) => [field.id, field])) };
}

/** A base model from its tables. */
export function baseModel(options: { id: string; version: number; tables: TableModel[] }): BaseModel {
  return { ...options, tableById: new Map(options.tables.map((table) => [table.id, table])) };
}

/** The table with this id, else the one with exactly this name (Airtable: id first, then name). */
export function findTable(base: BaseModel, idOrName: string): TableModel | undefined {
  return base.tableById.get(idOrName) ?? base.tables.find((table) => table.name === idOrName);
}

/**
 * The field with this id or name: exact id, exact name, then a unique case-insensitive name
 * (names are unique ignoring case, so the last step finds at most one).
 */
export function findField(table: TableModel, idOrName: string): FieldModel | undefined {
  const byId = table.fieldById.get(idOrName);
  if (byId) return byId;
  const exact = table.fields.find((field) => field.name === idOrName);
  if (exact) return exact;
  const lower = idOrName.toLowerCase();
  return table.fields.find((field) => field.name.toLowerCase() === lower);
}

/** The SQL name of a record table: `"appX"."tblY"` (ids are checked to be alphanumeric). */
export function recordTableSql(table: { baseId: string; id: string }): string {
  return `${quoteId(table.baseId)}.${quoteId(table.id)}`;
}

const ID = /^[a-z]{3}[A-Za-z0-9]{14}$/;

/** Quotes an Airtable-style id as a SQL identifier, refusing anything else. */
export function quoteId(id: string): string {
  if (!ID.test(id)) throw new Error(`not an id: ${id}`);
  return `"${id}"`;
}
