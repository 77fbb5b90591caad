import type { SqlExecutor } from '../../../infra/db';
import { columnDefinition, columnKind } from '../fields/field.storage';
import { quoteId, recordTableSql, type FieldModel } from './schema.model';

// Kinds whose plain btree index serves sorts and range filters. Text is left out: values can exceed
// a btree entry (about 2.7 kB), and the formula compiler compares text through COALESCE anyway.
const INDEXED = new Set(['number', 'date', 'timestamp']);

/** `CREATE SCHEMA` for a base: its record tables live in `"<baseId>"`. */
export async function createBaseSchema(db: SqlExecutor, baseId: string): Promise<void> {
  await db.exec(`CREATE SCHEMA ${quoteId(baseId)}`);
}

/**
 * The record table of a table: system columns (id, creation order `seq`, times, actors) plus one
 * column per field, named by field id, and indexes for the fields that sort and filter on them.
 */
export async function createRecordTable(
  db: SqlExecutor,
  table: { baseId: string; id: string; fields: readonly FieldModel[] },
): Promise<void> {
  const columns = table.fields.flatMap((field) => columnDefinition(field) ?? []);
  const name = recordTableSql(table);
  await db.exec(
    `CREATE TABLE ${name} (
       id text COLLATE "C" PRIMARY KEY,
       seq bigserial NOT NULL UNIQUE,
       created_time timestamptz NOT NULL,
       modified_time timestamptz,
       created_by jsonb,
       modified_by jsonb${columns.map((column) => `,\n       ${column}`).join('')}
     )`,
  );
  for (const field of table.fields) await createFieldIndex(db, table, field);
}

/** Adds a field's column (and index) to an existing record table. */
export async function addFieldColumn(
  db: SqlExecutor,
  table: { baseId: string; id: string },
  field: FieldModel,
): Promise<void> {
  const column = columnDefinition(field);
  if (!column) return;
  await db.exec(`ALTER TABLE ${recordTableSql(table)} ADD COLUMN ${column}`);
  await createFieldIndex(db, table, field);
}

async function createFieldIndex(
  db: SqlExecutor,
  table: { baseId: string; id: string },
  field: FieldModel,
): Promise<void> {
  const kind = columnKind(field);
  const useful = (kind && INDEXED.has(kind)) || field.type === 'singleSelect';
  if (!useful) return;
  const index = quoteId(`idx${field.id.slice(3)}`);
  await db.exec(`CREATE INDEX ${index} ON ${recordTableSql(table)} (${quoteId(field.id)})`);
}
