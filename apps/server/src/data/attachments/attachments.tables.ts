import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Attachment files stored in the database (PostgreSQL deployments, so every node serves them).
 * The embedded store keeps files in `<dataDir>/attachments` instead, with the same metadata.
 */
export const dataAttachmentFiles = pgTable('data_attachment_files', {
  /** `att…` of the file; cells may share a file under other attachment ids. */
  id: text('id').primaryKey(),
  /** The unguessable part of the file's URL. */
  token: text('token').notNull(),
  filename: text('filename').notNull(),
  type: text('type').notNull(),
  size: integer('size').notNull(),
  width: integer('width'),
  height: integer('height'),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
