import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { dataBases } from '../data.tables';

/**
 * One row per real Airtable base connected to a workspace. The base itself is in `data_bases`
 * (driver `airtable`, Airtable's own id); this row says which token reaches it and where its
 * change feed stands.
 */
export const airtableConnections = pgTable('airtable_connections', {
  baseId: text('base_id')
    .primaryKey()
    .references(() => dataBases.id, { onDelete: 'cascade' }),
  /** The workspace secret (kind `airtable_token`) holding the token; null = TABLEPORT_AIRTABLE_TOKEN. */
  secretId: text('secret_id'),
  /** The webhook whose payloads the feed polls (created without a notification URL). */
  webhookId: text('webhook_id'),
  /** The next payload to read (Airtable's cursor starts at 1). */
  cursor: integer('cursor').notNull().default(1),
  /** Why the feed is not running (e.g. the token lacks `webhook:manage`); null when it is. */
  feedError: text('feed_error'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
