import type { SqlExecutor } from '../../../infra/db';

/** A connected base's row in `airtable_connections`. */
export interface ConnectionRow {
  baseId: string;
  secretId: string | null;
  webhookId: string | null;
  cursor: number;
  feedError: string | null;
}

interface Row {
  base_id: string;
  secret_id: string | null;
  webhook_id: string | null;
  cursor: number;
  feed_error: string | null;
}

const COLUMNS = 'base_id, secret_id, webhook_id, cursor, feed_error';
const toConnection = (row: Row): ConnectionRow => ({
  baseId: row.base_id,
  secretId: row.secret_id,
  webhookId: row.webhook_id,
  cursor: row.cursor,
  feedError: row.feed_error,
});

/** Reads and writes `airtable_connections`. */
export const connectionsRepo = {
  async insert(db: SqlExecutor, row: { baseId: string; secretId: string | null }): Promise<void> {
    await db.query('INSERT INTO airtable_connections (base_id, secret_id) VALUES ($1, $2)', [row.baseId, row.secretId]);
  },

  async find(db: SqlExecutor, baseId: string): Promise<ConnectionRow | null> {
    const result = await db.query<Row>(`SELECT ${COLUMNS} FROM airtable_connections WHERE base_id = $1`, [baseId]);
    return result.rows[0] ? toConnection(result.rows[0]) : null;
  },

  async all(db: SqlExecutor): Promise<ConnectionRow[]> {
    const result = await db.query<Row>(`SELECT ${COLUMNS} FROM airtable_connections ORDER BY base_id`);
    return result.rows.map(toConnection);
  },

  /** Records the feed's webhook, cursor or trouble (only the given columns change). */
  async updateFeed(
    db: SqlExecutor,
    input: { baseId: string; webhookId?: string | null; cursor?: number; feedError?: string | null },
  ): Promise<void> {
    await db.query(
      `UPDATE airtable_connections SET
         webhook_id = CASE WHEN $2::boolean THEN $3 ELSE webhook_id END,
         cursor = COALESCE($4, cursor),
         feed_error = CASE WHEN $5::boolean THEN $6 ELSE feed_error END,
         updated_at = now()
       WHERE base_id = $1`,
      [
        input.baseId,
        input.webhookId !== undefined,
        input.webhookId ?? null,
        input.cursor ?? null,
        input.feedError !== undefined,
        input.feedError ?? null,
      ],
    );
  },
};
