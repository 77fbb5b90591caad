import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The outbox: every write appends its domain events here in the same transaction, so no event
 * exists without its change and no change without its event. Consumers read it by `seq`.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    workspaceId: text('workspace_id'),
    baseId: text('base_id'),
    tableId: text('table_id'),
    actor: jsonb('actor').notNull(),
    payload: jsonb('payload').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('domain_events_base_seq_idx').on(table.baseId, table.seq),
    index('domain_events_type_idx').on(table.type),
  ],
);
