import { AppError, newId } from '@tableport/contracts';
import type { Transaction } from '../../../infra/db';
import type { SchemaChange, TableConfig } from '../../data.types';
import { newField } from './field.options';
import { insertFieldRow } from './schema.repo';
import { addFieldColumn, createRecordTable } from './table.ddl';
import { tableModel, type BaseModel, type FieldModel, type TableModel } from './schema.model';
import { toFieldSchema, toTableSchema } from './schema.shape';

/** Types a primary field may have (shared/airtable-api.md §3.1, EMU list). */
const PRIMARY_TYPES = new Set([
  'singleLineText', 'multilineText', 'richText', 'email', 'url', 'phoneNumber', 'number', 'currency',
  'percent', 'duration', 'date', 'dateTime', 'barcode', 'autoNumber', 'formula',
]);

/** Refuses an empty name or one another model already has (ignoring case). */
export function checkName(options: { name: unknown; taken: readonly string[]; kind: 'table' | 'field' }): string {
  const { name, taken, kind } = options;
  const code = kind === 'table' ? 'table.duplicate_name' : 'field.duplicate_name';
  if (typeof name !== 'string' || name.trim() === '') {
    throw new AppError({ code, message: `The ${kind} name is empty` });
  }
  if (taken.some((other) => other.toLowerCase() === name.trim().toLowerCase())) {
    throw new AppError({ code, message: `A ${kind} named "${name.trim()}" already exists` });
  }
  return name.trim();
}

/** What creating a table did: the new table, the base after it, and the schema changes to journal. */
export interface CreatedTable {
  table: TableModel;
  base: BaseModel;
  changes: SchemaChange[];
}

/** Creates a table with its fields, default grid view and record table; inverse links go to other tables. */
export async function createTableInTx(tx: Transaction, base: BaseModel, config: TableConfig): Promise<CreatedTable> {
  const name = checkName({ name: config.name, taken: base.tables.map((table) => table.name), kind: 'table' });
  if (config.fields.length === 0) {
    throw new AppError({ code: 'field.invalid_options', message: `Table "${name}" needs at least one field` });
  }
  const id = newId('tbl');
  let table = tableModel({ id, baseId: base.id, name, description: config.description ?? null, primaryFieldId: '', fields: [], views: [] });
  const inverses: FieldModel[] = [];
  for (const fieldConfig of config.fields) {
    const fieldName = checkName({ name: fieldConfig.name, taken: table.fields.map((field) => field.name), kind: 'field' });
    const created = newField({ config: { ...fieldConfig, name: fieldName }, table, base });
    if (created.inverse) inverses.push(created.inverse);
    table = tableModel({ ...table, fields: [...table.fields, created.field] });
  }
  const primary = table.fields[0]!;
  if (!PRIMARY_TYPES.has(primary.type)) {
    throw new AppError({ code: 'field.invalid_options', message: `A ${primary.type} field cannot be the primary field` });
  }
  const viewId = newId('viw');
  table = tableModel({
    ...table,
    primaryFieldId: primary.id,
    views: [{ id: viewId, tableId: id, name: 'Grid view', type: 'grid', filterFormula: null, sorts: [], visibleFieldIds: null }],
  });
  await insertTableRows(tx, table);
  await createRecordTable(tx, table);
  const changes: SchemaChange[] = [{ type: 'table.created', tableId: id, after: toTableSchema(table) }];
  for (const inverse of inverses) {
    await insertFieldRow(tx, { ...inverse, baseId: base.id });
    await addFieldColumn(tx, { baseId: base.id, id: inverse.tableId }, inverse);
    changes.push({ type: 'field.created', tableId: inverse.tableId, fieldId: inverse.id, after: toFieldSchema(inverse) });
  }
  const tables = base.tables.map((other) => {
    const added = inverses.filter((inverse) => inverse.tableId === other.id);
    return added.length === 0 ? other : tableModel({ ...other, fields: [...other.fields, ...added] });
  });
  return { table, base: { ...base, tables: [...tables, table], tableById: new Map([...tables, table].map((t) => [t.id, t])) }, changes };
}

async function insertTableRows(tx: Transaction, table: TableModel): Promise<void> {
  await tx.query(
    `INSERT INTO data_tables (id, base_id, name, description, primary_field_id, position)
     VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(position) + 1, 0) FROM data_tables WHERE base_id = $2))`,
    [table.id, table.baseId, table.name, table.description, table.primaryFieldId],
  );
  for (const field of table.fields) await insertFieldRow(tx, { ...field, baseId: table.baseId });
  const view = table.views[0]!;
  await tx.query(
    `INSERT INTO data_views (id, table_id, base_id, name, type, position) VALUES ($1, $2, $3, $4, 'grid', 0)`,
    [view.id, table.id, table.baseId, view.name],
  );
}
