import type { FieldType } from '@tableport/contracts';
import type { SqlExecutor } from '../../../infra/db';
import { baseModel, tableModel, type BaseModel, type FieldModel, type TableModel, type ViewModel } from './schema.model';

interface TableRow {
  id: string;
  name: string;
  description: string | null;
  primary_field_id: string;
}
interface FieldRow {
  id: string;
  table_id: string;
  name: string;
  type: FieldType;
  description: string | null;
  options: Record<string, unknown> | null;
}
interface ViewRow {
  id: string;
  table_id: string;
  name: string;
  type: string;
  filter_formula: string | null;
  sorts: ViewModel['sorts'];
  visible_field_ids: string[] | null;
}

/** Reads a local base's tables, fields and views (three queries) at the given version. */
export async function loadBaseModel(db: SqlExecutor, base: { id: string; version: number }): Promise<BaseModel> {
  const [tables, fields, views] = await Promise.all([
    db.query<TableRow>(
      'SELECT id, name, description, primary_field_id FROM data_tables WHERE base_id = $1 ORDER BY position, created_at',
      [base.id],
    ),
    db.query<FieldRow>(
      'SELECT id, table_id, name, type, description, options FROM data_fields WHERE base_id = $1 ORDER BY position, created_at',
      [base.id],
    ),
    db.query<ViewRow>(
      `SELECT id, table_id, name, type, filter_formula, sorts, visible_field_ids FROM data_views
       WHERE base_id = $1 ORDER BY position, created_at`,
      [base.id],
    ),
  ]);
  const models: TableModel[] = tables.rows.map((row) =>
    tableModel({
      id: row.id,
      baseId: base.id,
      name: row.name,
      description: row.description,
      primaryFieldId: row.primary_field_id,
      fields: fields.rows.filter((field) => field.table_id === row.id).map(toField),
      views: views.rows.filter((view) => view.table_id === row.id).map(toView),
    }),
  );
  return baseModel({ id: base.id, version: base.version, tables: models });
}

const toField = (row: FieldRow): FieldModel => ({
  id: row.id,
  tableId: row.table_id,
  name: row.name,
  type: row.type,
  description: row.description,
  options: row.options,
});

const toView = (row: ViewRow): ViewModel => ({
  id: row.id,
  tableId: row.table_id,
  name: row.name,
  type: row.type,
  filterFormula: row.filter_formula,
  sorts: row.sorts,
  visibleFieldIds: row.visible_field_ids,
});

/** Inserts a field's metadata row at the end of its table. */
export async function insertFieldRow(db: SqlExecutor, field: FieldModel & { baseId: string }): Promise<void> {
  await db.query(
    `INSERT INTO data_fields (id, table_id, base_id, name, type, description, options, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb,
       (SELECT COALESCE(MAX(position) + 1, 0) FROM data_fields WHERE table_id = $2))`,
    [
      field.id,
      field.tableId,
      field.baseId,
      field.name,
      field.type,
      field.description,
      field.options ? JSON.stringify(field.options) : null,
    ],
  );
}

/** Replaces a field's options (select choices added by typecast). */
export async function updateFieldOptions(db: SqlExecutor, fieldId: string, options: Record<string, unknown>): Promise<void> {
  await db.query('UPDATE data_fields SET options = $2::jsonb WHERE id = $1', [fieldId, JSON.stringify(options)]);
}

/** Bumps the base's schema version so every node reloads its cached schema. */
export async function bumpSchemaVersion(db: SqlExecutor, baseId: string): Promise<void> {
  await db.query('UPDATE data_bases SET schema_version = schema_version + 1 WHERE id = $1', [baseId]);
}
