import type { SqlExecutor } from '../infra/db';
import type { BaseEntry, DriverKind } from './data-source.types';

interface BaseRow {
  id: string;
  name: string;
  workspace_id: string;
  driver: DriverKind;
  schema_version: number;
}

const toEntry = (row: BaseRow): BaseEntry => ({
  id: row.id,
  name: row.name,
  workspaceId: row.workspace_id,
  driver: row.driver,
  schemaVersion: row.schema_version,
});

/** Registers a base in `data_bases` (drivers call it inside the transaction that creates its storage). */
export async function registerBase(
  db: SqlExecutor,
  base: { id: string; name: string; workspaceId: string; driver: DriverKind },
): Promise<void> {
  await db.query('INSERT INTO data_bases (id, workspace_id, name, driver) VALUES ($1, $2, $3, $4)', [
    base.id,
    base.workspaceId,
    base.name,
    base.driver,
  ]);
}

/** The base with this id, or null. */
export async function findBase(db: SqlExecutor, baseId: string): Promise<BaseEntry | null> {
  if (!/^app[A-Za-z0-9]{14}$/.test(baseId)) return null;
  const result = await db.query<BaseRow>(
    'SELECT id, name, workspace_id, driver, schema_version FROM data_bases WHERE id = $1',
    [baseId],
  );
  return result.rows[0] ? toEntry(result.rows[0]) : null;
}

/** One page of bases in id order, after `afterId`, restricted to some ids when given. */
export async function listBaseEntries(
  db: SqlExecutor,
  options: { baseIds: 'all' | readonly string[]; afterId: string | null; limit: number },
): Promise<BaseEntry[]> {
  const result = await db.query<BaseRow>(
    `SELECT id, name, workspace_id, driver, schema_version FROM data_bases
     WHERE ($1::text IS NULL OR id > $1) AND ($2::text[] IS NULL OR id = ANY($2::text[]))
     ORDER BY id LIMIT $3`,
    [options.afterId, options.baseIds === 'all' ? null : [...options.baseIds], options.limit],
  );
  return result.rows.map(toEntry);
}

/** True when the workspace exists. */
export async function workspaceExists(db: SqlExecutor, workspaceId: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM workspaces WHERE id = $1', [workspaceId]);
  return result.rows.length > 0;
}
