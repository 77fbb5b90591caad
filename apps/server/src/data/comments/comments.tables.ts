import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { dataBases } from '../data.tables';

/**
 * Record comments of local bases (`com…`). A record's comments go when the record does: the
 * comments outbox consumer deletes them for every committed `record.deleted` event.
 */
export const dataComments = pgTable(
  'data_comments',
  {
    id: text('id').primaryKey(),
    /** Creation order: lists are newest first and page on it. */
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    baseId: text('base_id')
      .notNull()
      .references(() => dataBases.id, { onDelete: 'cascade' }),
    tableId: text('table_id').notNull(),
    recordId: text('record_id').notNull(),
    /** `{id, email?, name?}` as Airtable shows the author. */
    author: jsonb('author').notNull(),
    /** Whose comment it is for edits and deletes: the user id, else the principal id. */
    ownerKey: text('owner_key').notNull(),
    text: text('text').notNull(),
    parentCommentId: text('parent_comment_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('data_comments_record_idx').on(table.tableId, table.recordId, table.seq)],
);
