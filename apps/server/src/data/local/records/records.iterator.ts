import { createHash } from 'node:crypto';
import { AppError, newId } from '@tableport/contracts';
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

/** Stores the ordered ids of a list (one statement for the iterator and its chunks). */
export async function createIteratorFromIds(
  db: SqlExecutor,
  options: { tableId: string; hash: string; ids: readonly string[] },
): Promise<string> {
  // Expired iterators go when new ones come (indexed on expires_at, so this is cheap when none expired).
  await sweepIterators(db);
  const id = newId('itr');
  const chunks: string[][] = [];
  for (let index = 0; index < options.ids.length; index += CHUNK) chunks.push(options.ids.slice(index, index + CHUNK));
  await db.query(
    `WITH iterator AS (
       INSERT INTO data_list_iterators (id, table_id, params_hash, total, expires_at)
       VALUES ($1, $2, $3, $4, now() + ${TTL}) RETURNING id)
     INSERT INTO data_list_chunks (iterator_id, chunk, ids)
     SELECT iterator.id, c.ordinality - 1, ARRAY(SELECT jsonb_array_elements_text(c.value))
     FROM iterator, jsonb_array_elements($5::jsonb) WITH ORDINALITY c`,
    [id, options.tableId, options.hash, options.ids.length, JSON.stringify(chunks)],
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
  const found = await db.query<{ table_id: string; params_hash: string; total: number; chunk: number | null; ids: string[] | null }>(
    `WITH iterator AS (
       UPDATE data_list_iterators SET expires_at = now() + ${TTL} WHERE id = $1 AND expires_at > now()
       RETURNING id, table_id, params_hash, total)
     SELECT iterator.table_id, iterator.params_hash, iterator.total, c.chunk, c.ids
     FROM iterator LEFT JOIN data_list_chunks c
       ON c.iterator_id = iterator.id AND c.chunk BETWEEN $2 AND $3
     ORDER BY c.chunk`,
    [iteratorId, Math.floor(position / CHUNK), Math.floor((position + options.pageSize - 1) / CHUNK)],
  );
  const iterator = found.rows[0];
  if (!iterator || iterator.table_id !== options.tableId || iterator.params_hash !== options.hash || position > iterator.total) {
    throw iteratorExpired();
  }
  const end = Math.min(position + options.pageSize, iterator.total);
  const ids = found.rows.flatMap((row) => (row.ids ?? []).map((id, index) => ({ id, at: (row.chunk ?? 0) * CHUNK + index })));
  return {
    ids: ids.filter((item) => item.at >= position && item.at < end).map((item) => item.id),
    ...(end < iterator.total ? { next: offsetOf(iteratorId, end) } : {}),
  };
}

/** Deletes expired iterators (their chunks cascade). */
export async function sweepIterators(db: SqlExecutor): Promise<void> {
  await db.query('DELETE FROM data_list_iterators WHERE expires_at < now()');
}
