import type { Principal } from '../../gateway/gateway.types';

/**
 * Every operation the authorization function decides. Each maps to the Airtable scope an API key
 * needs and to the least workspace/base role that may do it (platform issue: owner, creator,
 * editor, commenter, read).
 */
export const ACTIONS = {
  'workspace.read': { scope: 'workspacesAndBases:read', role: 'read' },
  'workspace.manage': { scope: 'workspacesAndBases:write', role: 'owner' },
  'base.list': { scope: 'schema.bases:read', role: 'read' },
  'base.create': { scope: 'schema.bases:write', role: 'creator' },
  'schema.read': { scope: 'schema.bases:read', role: 'read' },
  'schema.write': { scope: 'schema.bases:write', role: 'creator' },
  'records.read': { scope: 'data.records:read', role: 'read' },
  'records.write': { scope: 'data.records:write', role: 'editor' },
  'comments.read': { scope: 'data.recordComments:read', role: 'read' },
  'comments.write': { scope: 'data.recordComments:write', role: 'commenter' },
  'webhooks.manage': { scope: 'webhook:manage', role: 'creator' },
  'user.read': { scope: 'user.email:read', role: 'read' },
} as const;
export type Action = keyof typeof ACTIONS;

/** What an operation touches; the narrowest known id decides. */
export interface ResourceRef {
  workspaceId?: string;
  baseId?: string;
}

/** The one authorization function every route, tool and job calls. */
export interface Authorizer {
  /** Resolves when allowed; throws AppError `auth.required` (no principal) or `auth.forbidden`. */
  check(principal: Principal | null, action: Action, resource?: ResourceRef): Promise<void>;
  /** The bases a principal may see in a workspace (filters lists). 'all' = no restriction. */
  visibleBaseIds(principal: Principal, workspaceId?: string): Promise<'all' | readonly string[]>;
}
