import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Progress of each durable reader of the `domain_events` outbox. `last_seq`: every event up to it is
 * handled or known never to commit. `gap_below`/`gap_horizon`: a missing seq below `gap_below`
 * belongs to a transaction with an id under `gap_horizon` (xid8), so once every such transaction has
 * ended (snapshot xmin ≥ horizon) the gap is final and is skipped.
 */
export const dataOutboxConsumers = pgTable('data_outbox_consumers', {
  name: text('name').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  gapBelow: bigint('gap_below', { mode: 'number' }),
  gapHorizon: bigint('gap_horizon', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
