import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { workspaces } from '../platform/workspaces/workspaces.tables';

/** Every base of every driver: the data service resolves a base here and picks its driver. */
export const dataBases = pgTable(
  'data_bases',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    driver: text('driver').notNull().default('local'),
    /** Bumped by every schema change, so each node's schema cache knows when to reload. */
    schemaVersion: integer('schema_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('data_bases_workspace_idx').on(table.workspaceId, table.id)],
);

/**
 * One row per write call: the before/after cells of every record it wrote, so `undo_change` and the
 * web app can revert it. `changes` is `[{tableId, recordId, op, before, after}]`.
 */
export const dataChangeSets = pgTable(
  'data_change_sets',
  {
    id: text('id').primaryKey(),
    baseId: text('base_id').notNull(),
    actor: jsonb('actor').notNull(),
    operation: text('operation').notNull(),
    changes: jsonb('changes').notNull(),
    /** Set when a later change set reverted this one. */
    revertedBy: text('reverted_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('data_change_sets_base_idx').on(table.baseId, table.createdAt)],
);
