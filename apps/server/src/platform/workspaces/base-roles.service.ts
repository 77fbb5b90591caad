import { AppError, type Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import type { BaseDirectory } from '../authz/authz.types';
import type { Role } from '../authz/roles';

/** A base-level grant as the API shows it. */
export interface BaseGrantView {
  baseId: string;
  userId: string;
  email: string;
  role: Role;
  createdAt: string;
}

/** Roles on one base (on top of workspace roles). */
export interface BaseRoleService {
  list(baseId: string): Promise<BaseGrantView[]>;
  grant(input: { baseId: string; userId: string; role: Role; actor: Actor }): Promise<void>;
  revoke(input: { baseId: string; userId: string; actor: Actor }): Promise<void>;
  /** Drops every grant of a deleted base. */
  forgetBase(baseId: string): Promise<void>;
}

/** Builds the base role service; bases are found through the store's directory. */
export function createBaseRoleService(options: {
  db: Database;
  audit: AuditLog;
  bases: BaseDirectory;
}): BaseRoleService {
  const { db, audit } = options;
  return {
    async list(baseId) {
      const result = await db.query<{
        base_id: string;
        user_id: string;
        email: string;
        role: Role;
        created_at: Date;
      }>(
        `SELECT g.base_id, g.user_id, u.email, g.role, g.created_at FROM base_roles g
         JOIN users u ON u.id = g.user_id WHERE g.base_id = $1 ORDER BY g.created_at`,
        [baseId],
      );
      return result.rows.map((row) => ({
        baseId: row.base_id,
        userId: row.user_id,
        email: row.email,
        role: row.role,
        createdAt: row.created_at.toISOString(),
      }));
    },
    async grant({ baseId, userId, role, actor }) {
      const workspaceId = await options.bases.workspaceOf(baseId);
      if (!workspaceId) throw new AppError({ code: 'grant.base_not_found', message: `No base ${baseId}` });
      const user = await db.query('SELECT 1 FROM users WHERE id = $1', [userId]);
      if (user.rows.length === 0)
        throw new AppError({ code: 'user.not_found', message: `No user ${userId}` });
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO base_roles (base_id, user_id, workspace_id, role) VALUES ($1, $2, $3, $4)
           ON CONFLICT (base_id, user_id) DO UPDATE SET role = $4, workspace_id = $3`,
          [baseId, userId, workspaceId, role],
        );
        await audit.record(
          {
            action: 'base_role.granted',
            actor,
            workspaceId,
            baseId,
            target: { type: 'user', id: userId },
            details: { role },
          },
          { tx },
        );
      });
    },
    async revoke({ baseId, userId, actor }) {
      await db.transaction(async (tx) => {
        const result = await tx.query<{ workspace_id: string }>(
          'DELETE FROM base_roles WHERE base_id = $1 AND user_id = $2 RETURNING workspace_id',
          [baseId, userId],
        );
        if (!result.rows[0])
          throw new AppError({ code: 'member.not_found', message: `${userId} has no role on ${baseId}` });
        await audit.record(
          {
            action: 'base_role.revoked',
            actor,
            workspaceId: result.rows[0].workspace_id,
            baseId,
            target: { type: 'user', id: userId },
          },
          { tx },
        );
      });
    },
    async forgetBase(baseId) {
      await db.query('DELETE FROM base_roles WHERE base_id = $1', [baseId]);
    },
  };
}
