import type { DomainEvent } from '@tableport/contracts';
import type { EventBus } from '../../comms/events';
import type { SqlExecutor } from '../../infra/db';
import type { Logger } from '../../infra/log/logger';
import type { AuditLog } from './audit.types';

/** Every data change is audited: the event types of the store, schema and comments. */
export const AUDITED_EVENTS = ['record.*', 'table.*', 'field.*', 'base.*', 'comment.*'] as const;

const targetOf = (event: DomainEvent): { type: string; id: string } | undefined => {
  const payload = event.payload;
  const id = [payload.recordId, payload.id, payload.fieldId, payload.tableId, payload.commentId].find(
    (value): value is string => typeof value === 'string',
  );
  return id ? { type: event.type.split('.')[0]!, id } : undefined;
};

/** Copies one committed event into the audit log (idempotent by event id). */
export function auditEvent(audit: AuditLog, event: DomainEvent): Promise<void> {
  return audit.record({
    action: event.type,
    actor: event.actor,
    workspaceId: event.workspaceId,
    baseId: event.baseId,
    target: targetOf(event),
    eventId: event.id,
    details: { tableId: event.tableId, seq: event.seq },
  });
}

/**
 * Subscribes the audit log to this node's committed events, and on start copies events that a
 * crash between commit and dispatch left out (dispatch is after commit, so at most once).
 */
export function subscribeAudit(options: {
  events: EventBus;
  audit: AuditLog;
  db: SqlExecutor;
  logger: Logger;
}) {
  const unsubscribe = options.events.subscribe(AUDITED_EVENTS, async (event, meta) => {
    // Every node dispatches its own commits locally; remote copies would duplicate.
    if (meta.origin === 'local') await auditEvent(options.audit, event);
  });
  const catchUp = async (): Promise<number> => {
    // The newest audited event, less a margin for events that committed out of seq order.
    const newest = await options.db.query<{ event_seq: number }>(
      `SELECT (details->>'seq')::bigint AS event_seq FROM audit_log
       WHERE event_id IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    );
    let after = Math.max(0, (newest.rows[0]?.event_seq ?? 0) - 1000);
    let copied = 0;
    for (;;) {
      const batch = await options.events.readSince(after, { limit: 500 });
      for (const event of batch)
        if (AUDITED_EVENTS.some((p) => event.type.startsWith(p.slice(0, -1)))) {
          await auditEvent(options.audit, event);
          copied++;
        }
      if (batch.length < 500) return copied;
      after = batch.at(-1)!.seq;
    }
  };
  return { unsubscribe, catchUp };
}
