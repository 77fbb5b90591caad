import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const roleCheck = (column: string) =>
  sql.raw(`${column} IN ('owner', 'creator', 'editor', 'commenter', 'read')`);

/** Workspaces own bases and members. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** A user's role in a workspace (Airtable's levels: owner, creator, editor, commenter, read). */
export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.userId] }),
    index('workspace_members_user_idx').on(table.userId),
    check('workspace_members_role_check', roleCheck('role')),
  ],
);

/**
 * A user's role on one base, on top of (never below) their workspace role. The base lives in the
 * store's table; `workspace_id` is copied at grant time so a workspace's grants cascade with it.
 */
export const baseRoles = pgTable(
  'base_roles',
  {
    baseId: text('base_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.baseId, table.userId] }),
    index('base_roles_user_idx').on(table.userId),
    index('base_roles_workspace_idx').on(table.workspaceId),
    check('base_roles_role_check', roleCheck('role')),
  ],
);

/** An invitation to join a workspace with a role; the token is shown once and stored as SHA-256. */
export const workspaceInvitations = pgTable(
  'workspace_invitations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    acceptedAt: at('accepted_at'),
    acceptedBy: text('accepted_by'),
    revokedAt: at('revoked_at'),
  },
  (table) => [
    index('workspace_invitations_workspace_idx').on(table.workspaceId),
    index('workspace_invitations_email_idx').on(table.email),
    check('workspace_invitations_role_check', roleCheck('role')),
  ],
);
