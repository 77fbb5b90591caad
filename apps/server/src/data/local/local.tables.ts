import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dataBases } from '../data.tables';

/** Tables of local bases; the records live in `"<baseId>"."<tableId>"`, one column per field. */
export const dataTables = pgTable(
  'data_tables',
  {
    id: text('id').primaryKey(),
    baseId: text('base_id')
      .notNull()
      .references(() => dataBases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    primaryFieldId: text('primary_field_id').notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('data_tables_name_idx').on(table.baseId, sql`lower(${table.name})`)],
);

/** Fields of local tables: type and options (Airtable's read format) as JSON. */
export const dataFields = pgTable(
  'data_fields',
  {
    id: text('id').primaryKey(),
    tableId: text('table_id')
      .notNull()
      .references(() => dataTables.id, { onDelete: 'cascade' }),
    baseId: text('base_id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    description: text('description'),
    options: jsonb('options'),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('data_fields_name_idx').on(table.tableId, sql`lower(${table.name})`),
    index('data_fields_base_idx').on(table.baseId),
  ],
);

/** Views of local tables with their own definition (the API never exposes filters and sorts). */
export const dataViews = pgTable(
  'data_views',
  {
    id: text('id').primaryKey(),
    tableId: text('table_id')
      .notNull()
      .references(() => dataTables.id, { onDelete: 'cascade' }),
    baseId: text('base_id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull().default('grid'),
    position: integer('position').notNull(),
    filterFormula: text('filter_formula'),
    sorts: jsonb('sorts').notNull().default([]),
    /** Null: every field is visible. */
    visibleFieldIds: jsonb('visible_field_ids'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('data_views_base_idx').on(table.baseId)],
);

/**
 * List iterators: the ordered record ids of one list call, so later pages (on any node) read the
 * same order. Expire after 10 minutes without use.
 */
export const dataListIterators = pgTable(
  'data_list_iterators',
  {
    id: text('id').primaryKey(),
    tableId: text('table_id').notNull(),
    paramsHash: text('params_hash').notNull(),
    total: integer('total').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('data_list_iterators_expiry_idx').on(table.expiresAt)],
);

/** The ids of an iterator in chunks of 1,000, in list order. */
export const dataListChunks = pgTable(
  'data_list_chunks',
  {
    iteratorId: text('iterator_id')
      .notNull()
      .references(() => dataListIterators.id, { onDelete: 'cascade' }),
    chunk: integer('chunk').notNull(),
    ids: text('ids').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.iteratorId, table.chunk] })],
);
