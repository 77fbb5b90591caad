import type { DomainEvent, EventType } from '@tableport/contracts';
import type { SqlExecutor } from '../../../infra/db';

/** An outbox row with the id of the transaction that inserted it (`xmin`). */
export interface OutboxRow {
  txid: string;
  seq: number;
  id: string;
  type: EventType;
  workspace_id: string | null;
  base_id: string | null;
  table_id: string | null;
  actor: DomainEvent['actor'];
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** Committed outbox rows after `afterSeq`, in seq order. */
export async function readOutboxRows(db: SqlExecutor, options: { afterSeq: number; limit: number }): Promise<OutboxRow[]> {
  const result = await db.query<OutboxRow>(
    `SELECT xmin::text AS txid, seq, id, type, workspace_id, base_id, table_id, actor, payload, occurred_at
     FROM domain_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [options.afterSeq, options.limit],
  );
  return result.rows;
}

/**
 * A bound of the current snapshot as a 64-bit transaction id: `xmin` (every older transaction has
 * ended) or `xmax` (no transaction at or after it had started).
 */
export async function readSnapshotBound(db: SqlExecutor, bound: 'xmin' | 'xmax'): Promise<number> {
  const fn = bound === 'xmin' ? 'pg_snapshot_xmin' : 'pg_snapshot_xmax';
  const result = await db.query<{ value: number }>(`SELECT ${fn}(pg_current_snapshot())::text::bigint AS value`);
  return Number(result.rows[0]!.value);
}

/** The event a row holds. */
export function toDomainEvent(row: OutboxRow): DomainEvent {
  return {
    seq: row.seq,
    id: row.id,
    type: row.type,
    workspaceId: row.workspace_id,
    baseId: row.base_id,
    tableId: row.table_id,
    actor: row.actor,
    payload: row.payload,
    occurredAt: row.occurred_at.toISOString(),
  };
}
