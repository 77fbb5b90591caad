import type { Actor } from '@tableport/contracts';
import type { SqlExecutor } from '../../infra/db';

/** One thing to record. `details` is JSON that never holds a secret, token or password. */
export interface AuditEntryInput {
  /** `noun.verb` (`auth.signed_in`, `key.created`, `member.role_changed`, `record.updated`, …). */
  action: string;
  outcome?: 'success' | 'failure';
  actor: Actor;
  workspaceId?: string | null;
  baseId?: string | null;
  target?: { type: string; id: string };
  /** The domain event a data change came from (its before/after stays in the outbox). */
  eventId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** A stored entry, as the API returns it. */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  action: string;
  outcome: 'success' | 'failure';
  actor: Actor;
  workspaceId: string | null;
  baseId: string | null;
  target: { type: string; id: string } | null;
  eventId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Filters of {@link AuditLog.query}; newest first. */
export interface AuditQuery {
  workspaceId?: string;
  baseId?: string;
  /** A user (`usr…`: everything they did, through any key or session) or one key/token id. */
  actorId?: string;
  /** Exact (`key.created`) or a prefix ending in `.*` (`record.*`). */
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

/** The audit log service. */
export interface AuditLog {
  /** Appends an entry; pass `tx` to record it atomically with the change it describes. */
  record(entry: AuditEntryInput, options?: { tx?: SqlExecutor }): Promise<void>;
  query(filter: AuditQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }>;
}
