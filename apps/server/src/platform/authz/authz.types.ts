import type { Principal } from '../../gateway/gateway.types';
import type { Role } from './roles';

/**
 * Where an action's role is looked up: `self` needs only a signed-in principal (it acts on its own
 * things), `instance` needs the instance owner or the admin token, `workspace` and `base` need a
 * role there (a base role is the higher of the workspace role and a base grant).
 */
export type ActionLevel = 'self' | 'instance' | 'workspace' | 'base';

interface ActionSpec {
  /** The Airtable-style scope an API key or OAuth token needs; null = sessions and admin only. */
  scope: string | null;
  level: ActionLevel;
  /** The least role at `workspace`/`base` level. */
  role: Role;
}

const spec = (scope: string | null, level: ActionLevel, role: Role = 'read'): ActionSpec => ({
  scope,
  level,
  role,
});

/** Every operation the authorization function decides, with its scope, level and least role. */
export const ACTIONS = {
  'user.read': spec('user.email:read', 'self'),
  'workspace.create': spec('workspacesAndBases:write', 'self'),
  'workspace.list': spec('workspacesAndBases:read', 'self'),
  'workspace.read': spec('workspacesAndBases:read', 'workspace', 'read'),
  'workspace.manage': spec('workspacesAndBases:write', 'workspace', 'owner'),
  'members.read': spec('workspacesAndBases:read', 'workspace', 'read'),
  'members.invite': spec('workspacesAndBases:write', 'workspace', 'creator'),
  'members.manage': spec('workspacesAndBases:write', 'workspace', 'owner'),
  'base.list': spec('schema.bases:read', 'self'),
  'base.create': spec('schema.bases:write', 'workspace', 'creator'),
  'base.manage': spec('schema.bases:write', 'base', 'creator'),
  'base.share': spec('workspacesAndBases:write', 'base', 'creator'),
  'schema.read': spec('schema.bases:read', 'base', 'read'),
  'schema.write': spec('schema.bases:write', 'base', 'creator'),
  'records.read': spec('data.records:read', 'base', 'read'),
  'records.write': spec('data.records:write', 'base', 'editor'),
  'comments.read': spec('data.recordComments:read', 'base', 'read'),
  'comments.write': spec('data.recordComments:write', 'base', 'commenter'),
  'webhooks.manage': spec('webhook:manage', 'base', 'creator'),
  'audit.read': spec('enterprise.auditLogs:read', 'workspace', 'owner'),
  'secrets.read': spec(null, 'workspace', 'creator'),
  'secrets.manage': spec(null, 'workspace', 'owner'),
  'keys.manage': spec(null, 'self'),
  'invitation.accept': spec(null, 'self'),
  'instance.manage': spec(null, 'instance'),
} as const satisfies Record<string, ActionSpec>;
export type Action = keyof typeof ACTIONS;

/** Every scope a key may carry (Airtable's names, plus the audit scope of Airtable Enterprise). */
export const SCOPES = [
  ...new Set(Object.values(ACTIONS).flatMap((action) => (action.scope ? [action.scope] : []))),
].sort();

/** What an operation touches; the narrowest known id decides. */
export interface ResourceRef {
  workspaceId?: string;
  baseId?: string;
}

/** The one authorization function every route, tool and job calls. */
export interface Authorizer {
  /** Resolves when allowed; throws AppError `auth.required` (no principal) or `auth.forbidden`. */
  check(principal: Principal | null, action: Action, resource?: ResourceRef): Promise<void>;
  /** Like `check`, as a boolean. */
  can(principal: Principal | null, action: Action, resource?: ResourceRef): Promise<boolean>;
  /** The principal's role on a workspace or base (null = none; the admin token is `owner`). */
  roleOn(principal: Principal, resource: ResourceRef): Promise<Role | null>;
  /** The bases a principal may see, optionally in one workspace (filters lists). 'all' = no restriction. */
  visibleBaseIds(principal: Principal, workspaceId?: string): Promise<'all' | readonly string[]>;
}

/**
 * How the authorizer finds bases. Bases live in the store's table; the store supplies this
 * (wired in app/modules.ts) so the platform never reads the store's internals.
 */
export interface BaseDirectory {
  /** The workspace a base belongs to, or null when no such base exists. */
  workspaceOf(baseId: string): Promise<string | null>;
  /** Every base id in the given workspaces. */
  baseIdsIn(workspaceIds: readonly string[]): Promise<string[]>;
}
