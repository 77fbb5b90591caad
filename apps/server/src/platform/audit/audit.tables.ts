import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The audit log: sign-ins and failures, key, role and secret changes, and every data change (copied
 * from the domain event outbox, `event_id` links the full before/after). Paged by `seq`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull().default('success'),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id').notNull(),
    actorUserId: text('actor_user_id'),
    channel: text('channel').notNull(),
    workspaceId: text('workspace_id'),
    baseId: text('base_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    eventId: text('event_id').unique(),
    ip: text('ip'),
    details: jsonb('details').notNull().default({}),
  },
  (table) => [
    index('audit_log_occurred_idx').on(table.occurredAt),
    index('audit_log_workspace_idx').on(table.workspaceId, table.seq),
    index('audit_log_base_idx').on(table.baseId, table.seq),
    index('audit_log_actor_user_idx').on(table.actorUserId, table.seq),
    index('audit_log_actor_idx').on(table.actorId, table.seq),
  ],
);
