import { createHash } from 'node:crypto';
import { AppError, newId } from '@tableport/contracts';
import { renderSql, type Sql } from '@tableport/formula';
import type { SqlExecutor } from '../../../infra/db';

/** Ids per stored chunk. */
const CHUNK = 1000;
/** Iterators live this long after their last use (Airtable's expire on inactivity too). */
const TTL = "interval '10 minutes'";
const OFFSET = /^(itr[A-Za-z0-9]{14})\/(\d{1,9})$/;

/** `list.iterator_expired` (422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE). */
export function iteratorExpired(): AppError {
  return new AppError({
    code: 'list.iterator_expired',
    message: 'The offset is unknown or expired, or the list parameters changed; list again without it',
  });
}

/** A stable hash of the parameters that decide a list's membership and order. */
export function paramsHash(params: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(params)).digest('base64url').slice(0, 32);
}

/** The offset of the page starting at `position`. */
export const offsetOf = (iteratorId: string, position: number): string => `${iteratorId}/${position}`;

/**
 * Stores the ordered ids a SQL query selects, server-side (nothing comes back); the query must
 * return `id` and its 0-based `position`. Returns the iterator id and count.
 */
export async function createIteratorFromSql(
  db: SqlExecutor,
  options: { tableId: string; hash: string; idsQuery: Sql },
): Promise<{ id: string; total: number }> {
  const id = newId('itr');
  await db.query(
    `INSERT INTO data_list_iterators (id, table_id, params_hash, total, expires_at) VALUES ($1, $2, $3, 0, now() + ${TTL})`,
    [id, options.tableId, options.hash],
  );
  const query = renderSql(options.idsQuery, { startIndex: 2 });
  const inserted = await db.query<{ total: number }>(
    `WITH ordered AS (${query.text}),
     chunks AS (INSERT INTO data_list_chunks (iterator_id, chunk, ids)
                SELECT $1, position / ${CHUNK}, array_agg(id ORDER BY position) FROM ordered GROUP BY position / ${CHUNK}
                RETURNING cardinality(ids) AS size)
     UPDATE data_list_iterators SET total = (SELECT COALESCE(SUM(size), 0) FROM chunks) WHERE id = $1 RETURNING total`,
    [id, ...query.params],
  );
  return { id, total: Number(inserted.rows[0]?.total ?? 0) };
}

/** Stores ids ordered in process. */
export async function createIteratorFromIds(
  db: SqlExecutor,
  options: { tableId: string; hash: string; ids: readonly string[] },
): Promise<string> {
  const id = newId('itr');
  await db.query(
    `INSERT INTO data_list_iterators (id, table_id, params_hash, total, expires_at) VALUES ($1, $2, $3, $4, now() + ${TTL})`,
    [id, options.tableId, options.hash, options.ids.length],
  );
  const chunks: string[][] = [];
  for (let index = 0; index < options.ids.length; index += CHUNK) chunks.push(options.ids.slice(index, index + CHUNK));
  await db.query(
    `INSERT INTO data_list_chunks (iterator_id, chunk, ids)
     SELECT $1, c.ordinality - 1, ARRAY(SELECT jsonb_array_elements_text(c.value)) FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY c`,
    [id, JSON.stringify(chunks)],
  );
  return id;
}

/** The ids of one page of an iterator and the offset of the next page (none on the last). */
export async function readIteratorPage(
  db: SqlExecutor,
  options: { offset: string; tableId: string; hash: string; pageSize: number },
): Promise<{ ids: string[]; next?: string }> {
  const match = OFFSET.exec(options.offset);
  if (!match) throw iteratorExpired();
  const [iteratorId, position] = [match[1]!, Number(match[2])];
  const found = await db.query<{ table_id: string; params_hash: string; total: number }>(
    `UPDATE data_list_iterators SET expires_at = now() + ${TTL} WHERE id = $1 AND expires_at > now()
     RETURNING table_id, params_hash, total`,
    [iteratorId],
  );
  const iterator = found.rows[0];
  if (!iterator || iterator.table_id !== options.tableId || iterator.params_hash !== options.hash || position > iterator.total) {
    throw iteratorExpired();
  }
  const end = Math.min(position + options.pageSize, iterator.total);
  const chunks = await db.query<{ chunk: number; ids: string[] }>(
    'SELECT chunk, ids FROM data_list_chunks WHERE iterator_id = $1 AND chunk BETWEEN $2 AND $3 ORDER BY chunk',
    [iteratorId, Math.floor(position / CHUNK), Math.floor(Math.max(end - 1, position) / CHUNK)],
  );
  const ids = chunks.rows.flatMap((row) => row.ids.map((id, index) => ({ id, at: row.chunk * CHUNK + index })));
  return {
    ids: ids.filter((item) => item.at >= position && item.at < end).map((item) => item.id),
    ...(end < iterator.total ? { next: offsetOf(iteratorId, end) } : {}),
  };
}

/** Deletes expired iterators (their chunks cascade). */
export async function sweepIterators(db: SqlExecutor): Promise<void> {
  await db.query('DELETE FROM data_list_iterators WHERE expires_at < now()');
}
