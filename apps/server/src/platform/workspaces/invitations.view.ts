import type { Role } from '../authz/roles';

/** An invitation as the API shows it (never its token). */
export interface InvitationView {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
}

/** A row of workspace_invitations. */
export interface InvitationRow {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}
/** Pending until accepted, revoked or past its expiry. */
export const statusOf = (row: InvitationRow): InvitationView['status'] =>
  row.accepted_at
    ? 'accepted'
    : row.revoked_at
      ? 'revoked'
      : row.expires_at.getTime() <= Date.now()
        ? 'expired'
        : 'pending';
/** The API form of a row. */
export const toView = (row: InvitationRow): InvitationView => ({
  id: row.id,
  workspaceId: row.workspace_id,
  email: row.email,
  role: row.role,
  status: statusOf(row),
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
});
