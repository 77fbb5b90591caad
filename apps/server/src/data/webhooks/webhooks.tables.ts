import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { dataBases } from '../data.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Airtable-compatible webhooks (`ach…`) of local bases: a pull log of payloads plus thin signed pings. */
export const dataWebhooks = pgTable(
  'data_webhooks',
  {
    id: text('id').primaryKey(),
    baseId: text('base_id')
      .notNull()
      .references(() => dataBases.id, { onDelete: 'cascade' }),
    notificationUrl: text('notification_url'),
    specification: jsonb('specification').notNull(),
    /** The MAC secret in the platform's secret store (encrypted at rest). */
    macSecretId: text('mac_secret_id').notNull(),
    createdBy: jsonb('created_by').notNull(),
    notificationsEnabled: boolean('notifications_enabled').notNull().default(true),
    /** `cursorForNextPayload`: the cursor the next payload gets (from 1, never reset). */
    nextCursor: integer('next_cursor').notNull().default(1),
    /** Only events after this outbox position make payloads (the outbox head at creation). */
    fromSeq: bigint('from_seq', { mode: 'number' }).notNull(),
    expiresAt: at('expires_at').notNull(),
    lastNotificationResult: jsonb('last_notification_result'),
    lastSuccessfulNotificationAt: at('last_successful_notification_at'),
    /** Failed pings in a row; notifications turn off at the limit. */
    failedPings: integer('failed_pings').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [index('data_webhooks_base_idx').on(table.baseId)],
);

/** Payloads of a webhook by cursor; kept 7 days. */
export const dataWebhookPayloads = pgTable(
  'data_webhook_payloads',
  {
    webhookId: text('webhook_id')
      .notNull()
      .references(() => dataWebhooks.id, { onDelete: 'cascade' }),
    cursor: integer('cursor').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.webhookId, table.cursor] }),
    index('data_webhook_payloads_created_idx').on(table.createdAt),
  ],
);

/** Airtable's `baseTransactionNumber`: committed write transactions per base, counted by the payload builder. */
export const dataBaseTransactions = pgTable('data_base_transactions', {
  baseId: text('base_id')
    .primaryKey()
    .references(() => dataBases.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull().default(0),
});
