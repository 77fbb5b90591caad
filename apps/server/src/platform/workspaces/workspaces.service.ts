import { AppError, newId, type Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import type { Role } from '../authz/roles';

/** A workspace as the API shows it; `role` is the caller's (admin: owner). */
export interface WorkspaceView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

/** Workspaces: create (the creator becomes owner), list the caller's, get, rename. */
export interface WorkspaceService {
  create(input: { name: string; ownerUserId: string | null; actor: Actor }): Promise<WorkspaceView>;
  /** The user's workspaces; null = every workspace (admin token). */
  list(userId: string | null): Promise<WorkspaceView[]>;
  get(input: { id: string; userId: string | null }): Promise<WorkspaceView>;
  rename(input: { id: string; name: string; actor: Actor }): Promise<void>;
}

interface Row {
  id: string;
  name: string;
  role: Role | null;
  created_at: Date;
  updated_at: Date;
}
const toView = (row: Row): WorkspaceView => ({
  id: row.id,
  name: row.name,
  role: row.role ?? 'owner',
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
const SELECT = `SELECT w.id, w.name, m.role, w.created_at, w.updated_at FROM workspaces w`;

/** Builds the workspace service. */
export function createWorkspaceService(options: { db: Database; audit: AuditLog }): WorkspaceService {
  const { db, audit } = options;
  return {
    async create({ name, ownerUserId, actor }) {
      const id = newId('wsp');
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [id, name]);
        if (ownerUserId)
          await tx.query(
            `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`,
            [id, ownerUserId],
          );
        await audit.record(
          { action: 'workspace.created', actor, workspaceId: id, details: { name } },
          { tx },
        );
      });
      return this.get({ id, userId: ownerUserId });
    },
    async list(userId) {
      const result = userId
        ? await db.query<Row>(
            `${SELECT} JOIN workspace_members m ON m.workspace_id = w.id AND m.user_id = $1 ORDER BY w.created_at`,
            [userId],
          )
        : await db.query<Row>(`${SELECT} LEFT JOIN workspace_members m ON false ORDER BY w.created_at`);
      return result.rows.map(toView);
    },
    async get({ id, userId }) {
      const result = userId
        ? await db.query<Row>(
            `${SELECT} JOIN workspace_members m ON m.workspace_id = w.id AND m.user_id = $2 WHERE w.id = $1`,
            [id, userId],
          )
        : await db.query<Row>(`${SELECT} LEFT JOIN workspace_members m ON false WHERE w.id = $1`, [id]);
      if (!result.rows[0]) throw new AppError({ code: 'workspace.not_found', message: `No workspace ${id}` });
      return toView(result.rows[0]);
    },
    async rename({ id, name, actor }) {
      await db.transaction(async (tx) => {
        const result = await tx.query('UPDATE workspaces SET name = $2, updated_at = now() WHERE id = $1', [
          id,
          name,
        ]);
        if (result.rowCount === 0)
          throw new AppError({ code: 'workspace.not_found', message: `No workspace ${id}` });
        await audit.record(
          { action: 'workspace.renamed', actor, workspaceId: id, details: { name } },
          { tx },
        );
      });
    },
  };
}
