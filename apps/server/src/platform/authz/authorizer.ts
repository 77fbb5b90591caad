import { AppError } from '@tableport/contracts';
import type { Principal } from '../../gateway/gateway.types';
import { ACTIONS, type Action, type Authorizer, type BaseDirectory, type ResourceRef } from './authz.types';
import type { RoleStore } from './role-store';
import { higherRole, roleAtLeast, type Role } from './roles';
import { visibleBaseIds } from './visible-bases';

const requireTarget = (resource: ResourceRef, action: Action): ResourceRef => {
  if (resource.baseId || resource.workspaceId) return resource;
  throw new AppError({
    code: 'internal.unexpected',
    message: `${action} was checked without a workspace or base`,
  });
};

/** Collaborators of {@link createAuthorizer}. */
export interface AuthorizerOptions {
  roles: RoleStore;
  bases: BaseDirectory;
}

/**
 * The one authorization function. In order: a principal is required; the admin token may do
 * everything; a key or token needs the action's scope and, with a base allow-list, the base; then
 * the user behind it needs the action's least role where it acts (workspace, or base = the higher
 * of the workspace role and a base grant).
 */
export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  const roleOn = async (userId: string, resource: ResourceRef): Promise<Role | null> => {
    if (resource.baseId) {
      const workspaceId = await options.bases.workspaceOf(resource.baseId);
      if (!workspaceId) return null;
      if (resource.workspaceId && resource.workspaceId !== workspaceId) return null;
      const [workspaceRole, grant] = await Promise.all([
        options.roles.workspaceRole(userId, workspaceId),
        options.roles.baseGrant(userId, resource.baseId),
      ]);
      return higherRole(workspaceRole, grant);
    }
    if (resource.workspaceId) return options.roles.workspaceRole(userId, resource.workspaceId);
    return null;
  };

  const workspaceRoleFor = async (userId: string, resource: ResourceRef, action: Action) => {
    const target = requireTarget(resource, action);
    const workspaceId = target.workspaceId ?? (await options.bases.workspaceOf(target.baseId!));
    return workspaceId ? options.roles.workspaceRole(userId, workspaceId) : null;
  };

  const refusal = async (principal: Principal, action: Action, resource: ResourceRef) => {
    if (principal.kind === 'admin') return null;
    const spec = ACTIONS[action];
    const scoped = principal.scopes !== 'all';
    if (scoped && spec.scope === null) return 'This operation is not available to API keys or OAuth tokens';
    if (scoped && spec.scope && !principal.scopes.includes(spec.scope))
      return `This operation needs the scope ${spec.scope}`;
    if (principal.baseIds) {
      if (resource.baseId && !principal.baseIds.includes(resource.baseId))
        return 'This key is not allowed on that base';
      if (spec.level === 'workspace' && spec.role !== 'read')
        return 'A key limited to some bases cannot change a workspace';
    }
    if (!principal.userId) return 'This operation needs a user';
    if (spec.level === 'self') return null;
    if (spec.level === 'instance')
      return (await options.roles.isInstanceOwner(principal.userId))
        ? null
        : 'Only the instance owner may do this';
    const role =
      spec.level === 'workspace'
        ? await workspaceRoleFor(principal.userId, resource, action)
        : await roleOn(principal.userId, requireTarget(resource, action));
    return roleAtLeast(role, spec.role) ? null : `This operation needs the ${spec.role} role or higher`;
  };

  const check: Authorizer['check'] = async (principal, action, resource = {}) => {
    if (!principal) throw new AppError({ code: 'auth.required', message: 'Authentication required' });
    const reason = await refusal(principal, action, resource);
    if (reason) throw new AppError({ code: 'auth.forbidden', message: reason, details: { action } });
  };

  return {
    check,
    can: (principal, action, resource) =>
      check(principal, action, resource).then(
        () => true,
        (error: unknown) => {
          if (
            AppError.isInstance(error) &&
            (error.code === 'auth.forbidden' || error.code === 'auth.required')
          )
            return false;
          throw error;
        },
      ),
    async roleOn(principal, resource) {
      if (principal.kind === 'admin') return 'owner';
      return principal.userId ? roleOn(principal.userId, resource) : null;
    },
    visibleBaseIds: (principal, workspaceId) => visibleBaseIds({ ...options, principal, workspaceId }),
  };
}
