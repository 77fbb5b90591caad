import type { SqlExecutor } from '../../infra/db';
import type { Specification } from './webhooks.spec';

/** A webhook row. */
export interface WebhookRow {
  id: string;
  base_id: string;
  notification_url: string | null;
  specification: Specification;
  mac_secret_id: string;
  notifications_enabled: boolean;
  next_cursor: number;
  from_seq: number;
  expires_at: Date;
  last_notification_result: Record<string, unknown> | null;
  last_successful_notification_at: Date | null;
  failed_pings: number;
  created_at: Date;
}

const COLUMNS =
  'id, base_id, notification_url, specification, mac_secret_id, notifications_enabled, next_cursor, from_seq, expires_at, last_notification_result, last_successful_notification_at, failed_pings, created_at';

/** Webhooks of some bases (oldest first); `activeOnly` leaves out expired ones. */
export async function listWebhookRows(db: SqlExecutor, options: { baseIds: readonly string[]; activeOnly?: boolean }): Promise<WebhookRow[]> {
  const result = await db.query<WebhookRow>(
    `SELECT ${COLUMNS} FROM data_webhooks WHERE base_id = ANY($1::text[]) ${options.activeOnly ? 'AND expires_at > now()' : ''}
     ORDER BY created_at, id`,
    [[...options.baseIds]],
  );
  return result.rows;
}

/** One webhook of a base, or undefined. */
export async function findWebhookRow(db: SqlExecutor, options: { baseId: string; webhookId: string; forUpdate?: boolean }): Promise<WebhookRow | undefined> {
  const result = await db.query<WebhookRow>(
    `SELECT ${COLUMNS} FROM data_webhooks WHERE id = $1 AND base_id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [options.webhookId, options.baseId],
  );
  return result.rows[0];
}

/** A webhook by id alone (the ping job knows only the id). */
export async function webhookById(db: SqlExecutor, webhookId: string): Promise<WebhookRow | undefined> {
  const result = await db.query<WebhookRow>(`SELECT ${COLUMNS} FROM data_webhooks WHERE id = $1`, [webhookId]);
  return result.rows[0];
}

/** Inserts a webhook. */
export async function insertWebhookRow(
  db: SqlExecutor,
  row: { id: string; baseId: string; notificationUrl: string | null; specification: Specification; macSecretId: string; createdBy: unknown; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO data_webhooks (id, base_id, notification_url, specification, mac_secret_id, created_by, from_seq, expires_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, (SELECT coalesce(max(seq), 0) FROM domain_events), $7)`,
    [row.id, row.baseId, row.notificationUrl, JSON.stringify(row.specification), row.macSecretId, JSON.stringify(row.createdBy), row.expiresAt],
  );
}

/** Reserves `count` cursors of a webhook; returns the first, or undefined when the webhook is gone. */
export async function reserveCursors(db: SqlExecutor, options: { webhookId: string; count: number }): Promise<{ first: number; notify: boolean } | undefined> {
  const result = await db.query<{ next_cursor: number; notify: boolean }>(
    `UPDATE data_webhooks SET next_cursor = next_cursor + $2 WHERE id = $1
     RETURNING next_cursor, (notifications_enabled AND notification_url IS NOT NULL) AS notify`,
    [options.webhookId, options.count],
  );
  const row = result.rows[0];
  return row ? { first: row.next_cursor - options.count, notify: row.notify } : undefined;
}

/** Stores payloads at consecutive cursors from `first`. */
export async function insertPayloads(db: SqlExecutor, options: { webhookId: string; first: number; payloads: readonly object[] }): Promise<void> {
  await db.query(
    `INSERT INTO data_webhook_payloads (webhook_id, cursor, payload)
     SELECT $1, $2::int + ordinality::int - 1, payload FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS items(payload, ordinality)`,
    [options.webhookId, options.first, JSON.stringify(options.payloads)],
  );
}

/** Payloads from `cursor` on, at most `limit + 1` (the extra one tells whether more exist). */
export async function readPayloads(db: SqlExecutor, options: { webhookId: string; cursor: number; limit: number }): Promise<{ cursor: number; payload: object }[]> {
  const result = await db.query<{ cursor: number; payload: object }>(
    'SELECT cursor, payload FROM data_webhook_payloads WHERE webhook_id = $1 AND cursor >= $2 ORDER BY cursor LIMIT $3',
    [options.webhookId, options.cursor, options.limit + 1],
  );
  return result.rows;
}
