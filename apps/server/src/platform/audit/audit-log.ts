import { AppError, newId, type Actor } from '@tableport/contracts';
import type { SqlExecutor } from '../../infra/db';
import type { AuditEntry, AuditLog, AuditQuery } from './audit.types';

interface AuditRow {
  seq: number;
  id: string;
  occurred_at: Date;
  action: string;
  outcome: 'success' | 'failure';
  actor_kind: Actor['kind'];
  actor_id: string;
  actor_user_id: string | null;
  channel: Actor['channel'];
  workspace_id: string | null;
  base_id: string | null;
  target_type: string | null;
  target_id: string | null;
  event_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  occurredAt: row.occurred_at.toISOString(),
  action: row.action,
  outcome: row.outcome,
  actor: { kind: row.actor_kind, id: row.actor_id, userId: row.actor_user_id, channel: row.channel },
  workspaceId: row.workspace_id,
  baseId: row.base_id,
  target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
  eventId: row.event_id,
  ip: row.ip,
  details: row.details,
});

const encodeCursor = (seq: number) => Buffer.from(`a${seq}`).toString('base64url');
const decodeCursor = (cursor: string): number => {
  const match = /^a(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new AppError({ code: 'request.invalid', message: 'Invalid request: cursor is not valid' });
  return Number(match[1]);
};

/** The audit log on the platform database. */
export function createAuditLog(db: SqlExecutor): AuditLog {
  return {
    async record(entry, options = {}) {
      await (options.tx ?? db).query(
        `INSERT INTO audit_log (id, action, outcome, actor_kind, actor_id, actor_user_id, channel, workspace_id,
           base_id, target_type, target_id, event_id, ip, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)
         ON CONFLICT (event_id) DO NOTHING`,
        [
          newId('aud'),
          entry.action,
          entry.outcome ?? 'success',
          entry.actor.kind,
          entry.actor.id,
          entry.actor.userId ?? null,
          entry.actor.channel,
          entry.workspaceId ?? null,
          entry.baseId ?? null,
          entry.target?.type ?? null,
          entry.target?.id ?? null,
          entry.eventId ?? null,
          entry.ip ?? null,
          JSON.stringify(entry.details ?? {}),
        ],
      );
    },
    async query(filter) {
      const { where, params } = whereClause(filter);
      params.push(filter.limit + 1);
      const result = await db.query<AuditRow>(
        `SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT $${params.length}`,
        params,
      );
      const rows = result.rows.slice(0, filter.limit);
      const more = result.rows.length > filter.limit;
      return { entries: rows.map(toEntry), nextCursor: more ? encodeCursor(rows.at(-1)!.seq) : null };
    },
  };
}

function whereClause(filter: AuditQuery): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.workspaceId) add((p) => `workspace_id = ${p}`, filter.workspaceId);
  if (filter.baseId) add((p) => `base_id = ${p}`, filter.baseId);
  if (filter.actorId) add((p) => `(actor_user_id = ${p} OR actor_id = ${p})`, filter.actorId);
  if (filter.action?.endsWith('.*')) add((p) => `starts_with(action, ${p})`, filter.action.slice(0, -1));
  else if (filter.action) add((p) => `action = ${p}`, filter.action);
  if (filter.from) add((p) => `occurred_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `occurred_at < ${p}`, filter.to);
  if (filter.cursor) add((p) => `seq < ${p}`, decodeCursor(filter.cursor));
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
