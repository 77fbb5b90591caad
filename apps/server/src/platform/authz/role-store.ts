import type { SqlExecutor } from '../../infra/db';
import { isRole, type Role } from './roles';

/** The role facts the authorizer reads (from workspace_members, base_roles and app_settings). */
export interface RoleStore {
  workspaceRole(userId: string, workspaceId: string): Promise<Role | null>;
  /** The user's grant on the base itself (not counting the workspace role). */
  baseGrant(userId: string, baseId: string): Promise<Role | null>;
  /** Workspaces the user is a member of, and bases granted to them directly (with their workspace). */
  memberships(
    userId: string,
  ): Promise<{ workspaceIds: string[]; grants: { baseId: string; workspaceId: string }[] }>;
  isInstanceOwner(userId: string): Promise<boolean>;
  /** The instance owner (the first user), or null before anyone signed up. */
  instanceOwnerId(): Promise<string | null>;
}

/** The instance owner (the first user) is kept in app_settings under this key. */
export const OWNER_SETTING = 'owner_user_id';

const asRole = (value: unknown): Role | null => (isRole(value) ? value : null);

/** Reads roles with one indexed query each. */
export function createRoleStore(db: SqlExecutor): RoleStore {
  let owner: string | undefined;
  // The owner never changes once claimed, so a found value is kept.
  const instanceOwnerId = async () => {
    owner ??= (
      await db.query<{ value: string }>('SELECT value FROM app_settings WHERE key = $1', [OWNER_SETTING])
    ).rows[0]?.value;
    return owner ?? null;
  };
  return {
    async workspaceRole(userId, workspaceId) {
      const result = await db.query<{ role: string }>(
        'SELECT role FROM workspace_members WHERE workspace_id = $1 AND user_id = $2',
        [workspaceId, userId],
      );
      return asRole(result.rows[0]?.role);
    },
    async baseGrant(userId, baseId) {
      const result = await db.query<{ role: string }>(
        'SELECT role FROM base_roles WHERE base_id = $1 AND user_id = $2',
        [baseId, userId],
      );
      return asRole(result.rows[0]?.role);
    },
    async memberships(userId) {
      const workspaces = await db.query<{ workspace_id: string }>(
        'SELECT workspace_id FROM workspace_members WHERE user_id = $1',
        [userId],
      );
      const grants = await db.query<{ base_id: string; workspace_id: string }>(
        'SELECT base_id, workspace_id FROM base_roles WHERE user_id = $1',
        [userId],
      );
      return {
        workspaceIds: workspaces.rows.map((row) => row.workspace_id),
        grants: grants.rows.map((row) => ({ baseId: row.base_id, workspaceId: row.workspace_id })),
      };
    },
    async isInstanceOwner(userId) {
      return (await instanceOwnerId()) === userId;
    },
    instanceOwnerId,
  };
}
