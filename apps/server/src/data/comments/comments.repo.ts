import { newId } from '@tableport/contracts';
import type { SqlExecutor } from '../../infra/db';
import { recordTableSql } from '../local/schema/schema.model';
import type { CommentAuthor, CommentRow } from './comments.types';

const COLUMNS = 'id, seq, base_id, table_id, record_id, author, owner_key, text, parent_comment_id, created_at, updated_at';

/** Where a comment lives. */
export interface RecordKey {
  baseId: string;
  tableId: string;
  recordId: string;
}

/**
 * Locks the record against deletion for the rest of the transaction (KEY SHARE), so a comment is
 * never added to a record whose delete commits first; false when the record does not exist.
 */
export async function lockRecord(tx: SqlExecutor, key: RecordKey): Promise<boolean> {
  const table = recordTableSql({ baseId: key.baseId, id: key.tableId });
  const found = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR KEY SHARE`, [key.recordId]);
  return found.rows.length > 0;
}

/** Inserts a comment and returns its row. */
export async function insertComment(
  tx: SqlExecutor,
  input: RecordKey & { author: CommentAuthor; ownerKey: string; text: string; parentCommentId: string | null },
): Promise<CommentRow> {
  const result = await tx.query<CommentRow>(
    `INSERT INTO data_comments (id, base_id, table_id, record_id, author, owner_key, text, parent_comment_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING ${COLUMNS}`,
    [newId('com'), input.baseId, input.tableId, input.recordId, JSON.stringify(input.author), input.ownerKey, input.text, input.parentCommentId],
  );
  return result.rows[0]!;
}

/** A comment of the record, or undefined. */
export async function findComment(db: SqlExecutor, key: RecordKey & { commentId: string; forUpdate?: boolean }): Promise<CommentRow | undefined> {
  const result = await db.query<CommentRow>(
    `SELECT ${COLUMNS} FROM data_comments WHERE id = $1 AND table_id = $2 AND record_id = $3${key.forUpdate ? ' FOR UPDATE' : ''}`,
    [key.commentId, key.tableId, key.recordId],
  );
  return result.rows[0];
}

/** Up to `limit` comments of the record older than `beforeSeq`, newest first. */
export async function listComments(db: SqlExecutor, key: RecordKey & { beforeSeq: number | null; limit: number }): Promise<CommentRow[]> {
  const result = await db.query<CommentRow>(
    `SELECT ${COLUMNS} FROM data_comments
     WHERE table_id = $1 AND record_id = $2 AND ($3::bigint IS NULL OR seq < $3)
     ORDER BY seq DESC LIMIT $4`,
    [key.tableId, key.recordId, key.beforeSeq, key.limit],
  );
  return result.rows;
}

/** Sets a comment's text and its update time. */
export async function updateCommentText(tx: SqlExecutor, input: { commentId: string; text: string }): Promise<CommentRow> {
  const result = await tx.query<CommentRow>(
    `UPDATE data_comments SET text = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [input.commentId, input.text],
  );
  return result.rows[0]!;
}

/** Deletes a comment (its replies stay, as on Airtable's threads). */
export async function deleteComment(tx: SqlExecutor, commentId: string): Promise<void> {
  await tx.query('DELETE FROM data_comments WHERE id = $1', [commentId]);
}

/** Comments per record of one table. */
export async function countComments(db: SqlExecutor, input: { tableId: string; recordIds: readonly string[] }): Promise<Map<string, number>> {
  const result = await db.query<{ record_id: string; count: number }>(
    `SELECT record_id, count(*)::int AS count FROM data_comments
     WHERE table_id = $1 AND record_id = ANY($2::text[]) GROUP BY record_id`,
    [input.tableId, [...input.recordIds]],
  );
  const counts = new Map(result.rows.map((row) => [row.record_id, row.count]));
  return new Map(input.recordIds.map((id) => [id, counts.get(id) ?? 0]));
}

/** Deletes every comment of the given records. */
export async function deleteCommentsOfRecords(tx: SqlExecutor, records: readonly { tableId: string; recordId: string }[]): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `DELETE FROM data_comments c USING unnest($1::text[], $2::text[]) AS gone(table_id, record_id)
     WHERE c.table_id = gone.table_id AND c.record_id = gone.record_id`,
    [records.map((record) => record.tableId), records.map((record) => record.recordId)],
  );
}
