import { index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/workspaces.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Data keys (envelope encryption): each version is a random AES-256 key, stored wrapped
 * (AES-256-GCM) under the key-encryption key derived from TABLEPORT_SECRET_KEY (`kek_id` names it).
 */
export const secretKeys = pgTable('secret_keys', {
  version: serial('version').primaryKey(),
  wrappedKey: text('wrapped_key').notNull(),
  kekId: text('kek_id').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Encrypted secrets (`sec…`): Airtable tokens, LLM provider keys, webhook secrets. */
export const secrets = pgTable(
  'secrets',
  {
    id: text('id').primaryKey(),
    /** Null = an instance-wide secret (admin only). */
    workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** base64 of iv (12 bytes) | tag (16 bytes) | ciphertext, under data key `key_version`. */
    ciphertext: text('ciphertext').notNull(),
    keyVersion: integer('key_version')
      .notNull()
      .references(() => secretKeys.version),
    /** The last characters of the value, for people to recognise it. */
    hint: text('hint').notNull(),
    createdBy: text('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    unique('secrets_workspace_name_unique').on(table.workspaceId, table.name).nullsNotDistinct(),
    index('secrets_key_version_idx').on(table.keyVersion),
  ],
);
