import type { SqlExecutor } from '../../infra/db';
import { OWNER_SETTING } from '../authz/role-store';

/**
 * Makes the user the instance owner if nobody is yet (atomic: one INSERT … ON CONFLICT DO NOTHING,
 * so two first sign-ups cannot both win), and then owner of the default workspace.
 * Returns true when this user claimed it.
 */
export async function claimInstanceOwner(options: {
  db: SqlExecutor;
  userId: string;
  defaultWorkspaceId: () => Promise<string>;
}): Promise<boolean> {
  const claimed = await options.db.query(
    `INSERT INTO app_settings (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [OWNER_SETTING, options.userId],
  );
  if (claimed.rows.length === 0) return false;
  await options.db.query(
    `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'owner')
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = 'owner', updated_at = now()`,
    [await options.defaultWorkspaceId(), options.userId],
  );
  return true;
}
