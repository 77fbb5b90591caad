import { AppError, newId, type Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import type { Role } from '../authz/roles';
import { generateToken, hashToken } from '../tokens';
import { statusOf, toView, type InvitationRow as Row, type InvitationView } from './invitations.view';
import type { MemberService } from './members.service';

/** Invitations: the token (`tpi_…`) is returned once by `create` and kept as SHA-256. */
export interface InvitationService {
  create(input: {
    workspaceId: string;
    email: string;
    role: Role;
    actor: Actor;
  }): Promise<{ invitation: InvitationView; token: string }>;
  list(workspaceId: string): Promise<InvitationView[]>;
  revoke(input: { workspaceId: string; id: string; actor: Actor }): Promise<void>;
  /** Accepts for the signed-in user, whose email must be the invited one. */
  accept(input: {
    token: string;
    userId: string;
    email: string;
    actor: Actor;
  }): Promise<{ workspaceId: string; role: Role }>;
  /** True when a pending, unexpired invitation exists for the email (invite-only sign-up). */
  hasPending(email: string): Promise<boolean>;
}

const TTL_MS = 7 * 86_400_000;
const notFound = () => new AppError({ code: 'invitation.not_found', message: 'No such invitation' });

/** Builds the invitation service. */
export function createInvitationService(options: {
  db: Database;
  audit: AuditLog;
  members: MemberService;
}): InvitationService {
  const { db, audit } = options;
  return {
    async create({ workspaceId, email, role, actor }) {
      const token = generateToken('tpi_');
      const id = newId('inv');
      const normalised = email.trim().toLowerCase();
      const row = await db.transaction(async (tx) => {
        const inserted = await tx.query<Row>(
          `INSERT INTO workspace_invitations (id, workspace_id, email, role, token_hash, invited_by, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            id,
            workspaceId,
            normalised,
            role,
            hashToken(token),
            actor.userId ?? null,
            new Date(Date.now() + TTL_MS),
          ],
        );
        await audit.record(
          {
            action: 'invitation.created',
            actor,
            workspaceId,
            target: { type: 'invitation', id },
            details: { email: normalised, role },
          },
          { tx },
        );
        return inserted.rows[0]!;
      });
      return { invitation: toView(row), token };
    },
    async list(workspaceId) {
      const result = await db.query<Row>(
        'SELECT * FROM workspace_invitations WHERE workspace_id = $1 ORDER BY created_at DESC',
        [workspaceId],
      );
      return result.rows.map(toView);
    },
    async revoke({ workspaceId, id, actor }) {
      await db.transaction(async (tx) => {
        const result = await tx.query(
          `UPDATE workspace_invitations SET revoked_at = now()
           WHERE id = $1 AND workspace_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
          [id, workspaceId],
        );
        if (result.rowCount === 0) throw notFound();
        await audit.record(
          { action: 'invitation.revoked', actor, workspaceId, target: { type: 'invitation', id } },
          { tx },
        );
      });
    },
    async accept({ token, userId, email, actor }) {
      return db.transaction(async (tx) => {
        const found = await tx.query<Row>(
          'SELECT * FROM workspace_invitations WHERE token_hash = $1 FOR UPDATE',
          [hashToken(token)],
        );
        const row = found.rows[0];
        if (!row || row.revoked_at) throw notFound();
        if (row.accepted_at)
          throw new AppError({ code: 'invitation.used', message: 'This invitation was already accepted' });
        if (statusOf(row) === 'expired')
          throw new AppError({ code: 'invitation.expired', message: 'This invitation expired' });
        if (row.email !== email.trim().toLowerCase())
          throw new AppError({
            code: 'invitation.email_mismatch',
            message: 'This invitation was sent to another email address',
          });
        await tx.query(
          'UPDATE workspace_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1',
          [row.id, userId],
        );
        await options.members.add({ workspaceId: row.workspace_id, userId, role: row.role, actor, tx });
        await audit.record(
          {
            action: 'invitation.accepted',
            actor,
            workspaceId: row.workspace_id,
            target: { type: 'invitation', id: row.id },
          },
          { tx },
        );
        return { workspaceId: row.workspace_id, role: row.role };
      });
    },
    async hasPending(email) {
      const result = await db.query(
        `SELECT 1 FROM workspace_invitations
         WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() LIMIT 1`,
        [email.trim().toLowerCase()],
      );
      return result.rows.length > 0;
    },
  };
}
