import { z } from 'zod';
import { idSchema } from '../ids';

/** Airtable's permission levels, lowest first: read-only, commenter, editor, creator, owner. */
export const ROLES = ['read', 'commenter', 'editor', 'creator', 'owner'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const timestamp = z.string().describe('ISO 8601');
const name = z.string().trim().min(1).max(200);

/** A workspace, with the caller's role in it. */
export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const createWorkspaceBody = z.strictObject({ name });
export const renameWorkspaceBody = z.strictObject({ name });

/** A workspace member. */
export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: timestamp,
});
export const setRoleBody = z.strictObject({ role: roleSchema });

/** An invitation (its token is only in the create response). */
export const invitationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  createdAt: timestamp,
  expiresAt: timestamp,
});
export const createInvitationBody = z.strictObject({ email: z.email(), role: roleSchema });
export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  token: z.string().describe('Shown once: the invitee accepts with it'),
  url: z.string().describe('Where the invitee accepts (sent by email when SMTP is configured)'),
});
export const acceptInvitationBody = z.strictObject({ token: z.string().min(1).max(200) });
export const acceptedInvitationSchema = z.object({ workspaceId: z.string(), role: roleSchema });

/** A role granted on one base. */
export const baseGrantSchema = z.object({
  baseId: z.string(),
  userId: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: timestamp,
});

/** Path parameters. */
export const workspaceParams = z.object({ workspaceId: idSchema('wsp') });
export const memberParams = workspaceParams.extend({ userId: idSchema('usr') });
export const invitationParams = workspaceParams.extend({ invitationId: idSchema('inv') });
export const baseParams = z.object({ baseId: idSchema('app') });
export const baseGrantParams = baseParams.extend({ userId: idSchema('usr') });
