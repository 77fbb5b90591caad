import { AppError, type Actor } from '@tableport/contracts';
import type { Database, SqlExecutor } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import { higherRole, type Role } from '../authz/roles';

/** A member as the API shows it. */
export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** Workspace members: list, add (keeps the higher role), change role, remove; a workspace keeps an owner. */
export interface MemberService {
  list(workspaceId: string): Promise<MemberView[]>;
  add(input: {
    workspaceId: string;
    userId: string;
    role: Role;
    actor: Actor;
    tx?: SqlExecutor;
  }): Promise<void>;
  setRole(input: { workspaceId: string; userId: string; role: Role; actor: Actor }): Promise<void>;
  remove(input: { workspaceId: string; userId: string; actor: Actor }): Promise<void>;
}

interface Row {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

/** Builds the member service. */
export function createMemberService(options: { db: Database; audit: AuditLog }): MemberService {
  const { db, audit } = options;
  const current = async (tx: SqlExecutor, workspaceId: string, userId: string) => {
    // FOR UPDATE of every owner row serialises concurrent demotions (no workspace loses its last owner).
    const owners = await tx.query<{ user_id: string }>(
      `SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND role = 'owner' FOR UPDATE`,
      [workspaceId],
    );
    const row = await tx.query<{ role: Role }>(
      'SELECT role FROM workspace_members WHERE workspace_id = $1 AND user_id = $2',
      [workspaceId, userId],
    );
    if (!row.rows[0])
      throw new AppError({
        code: 'member.not_found',
        message: `${userId} is not a member of ${workspaceId}`,
      });
    const lastOwner = row.rows[0].role === 'owner' && owners.rows.length === 1;
    return { role: row.rows[0].role, lastOwner };
  };
  const refuseLastOwner = () => {
    throw new AppError({ code: 'member.last_owner', message: 'A workspace keeps at least one owner' });
  };
  return {
    async list(workspaceId) {
      const result = await db.query<Row>(
        `SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM workspace_members m
         JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY m.created_at`,
        [workspaceId],
      );
      return result.rows.map((row) => ({
        userId: row.user_id,
        email: row.email,
        name: row.name,
        role: row.role,
        createdAt: row.created_at.toISOString(),
      }));
    },
    async add({ workspaceId, userId, role, actor, tx }) {
      const executor = tx ?? db;
      const existing = await executor.query<{ role: Role }>(
        'SELECT role FROM workspace_members WHERE workspace_id = $1 AND user_id = $2',
        [workspaceId, userId],
      );
      const next = higherRole(existing.rows[0]?.role ?? null, role)!;
      await executor.query(
        `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = $3, updated_at = now()`,
        [workspaceId, userId, next],
      );
      await audit.record(
        {
          action: 'member.added',
          actor,
          workspaceId,
          target: { type: 'user', id: userId },
          details: { role: next },
        },
        { tx: executor },
      );
    },
    async setRole({ workspaceId, userId, role, actor }) {
      await db.transaction(async (tx) => {
        const before = await current(tx, workspaceId, userId);
        if (before.lastOwner && role !== 'owner') refuseLastOwner();
        await tx.query(
          'UPDATE workspace_members SET role = $3, updated_at = now() WHERE workspace_id = $1 AND user_id = $2',
          [workspaceId, userId, role],
        );
        await audit.record(
          {
            action: 'member.role_changed',
            actor,
            workspaceId,
            target: { type: 'user', id: userId },
            details: { from: before.role, to: role },
          },
          { tx },
        );
      });
    },
    async remove({ workspaceId, userId, actor }) {
      await db.transaction(async (tx) => {
        const before = await current(tx, workspaceId, userId);
        if (before.lastOwner) refuseLastOwner();
        await tx.query('DELETE FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
          workspaceId,
          userId,
        ]);
        await tx.query('DELETE FROM base_roles WHERE workspace_id = $1 AND user_id = $2', [
          workspaceId,
          userId,
        ]);
        await audit.record(
          {
            action: 'member.removed',
            actor,
            workspaceId,
            target: { type: 'user', id: userId },
            details: { role: before.role },
          },
          { tx },
        );
      });
    },
  };
}
