import { newId } from '@tableport/contracts';
import type { SqlExecutor } from '../../infra/db';

const SETTING_KEY = 'default_workspace_id';

/**
 * The workspace that admin-token work (the demo base, imports, scripts) lands in when none is named.
 * Created once; its id is kept in app_settings so every node agrees.
 */
export async function ensureDefaultWorkspace(db: SqlExecutor): Promise<string> {
  const existing = await db.query<{ value: string }>('SELECT value FROM app_settings WHERE key = $1', [
    SETTING_KEY,
  ]);
  if (existing.rows[0]) return existing.rows[0].value;
  const id = newId('wsp');
  await db.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [id, 'My workspace']);
  const inserted = await db.query<{ value: string }>(
    `INSERT INTO app_settings (key, value) VALUES ($1, to_jsonb($2::text))
     ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key RETURNING value`,
    [SETTING_KEY, id],
  );
  const winner = inserted.rows[0]!.value;
  // Another node won the race: drop ours.
  if (winner !== id) await db.query('DELETE FROM workspaces WHERE id = $1', [id]);
  return winner;
}
