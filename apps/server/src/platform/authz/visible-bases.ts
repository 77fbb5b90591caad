import type { Principal } from '../../gateway/gateway.types';
import type { BaseDirectory } from './authz.types';
import type { RoleStore } from './role-store';

/**
 * The bases a principal may see: every base of its workspaces plus bases granted to it directly,
 * optionally in one workspace, narrowed by a key's allow-list. The admin token sees all.
 */
export async function visibleBaseIds(options: {
  roles: RoleStore;
  bases: BaseDirectory;
  principal: Principal;
  workspaceId: string | undefined;
}): Promise<'all' | readonly string[]> {
  const { principal, workspaceId } = options;
  if (principal.kind === 'admin') {
    if (!workspaceId) return principal.baseIds ?? 'all';
    return narrow(await options.bases.baseIdsIn([workspaceId]), principal.baseIds);
  }
  if (!principal.userId) return [];
  const memberships = await options.roles.memberships(principal.userId);
  const inScope = (id: string) => !workspaceId || id === workspaceId;
  const fromWorkspaces = await options.bases.baseIdsIn(memberships.workspaceIds.filter(inScope));
  const granted = memberships.grants
    .filter((grant) => inScope(grant.workspaceId))
    .map((grant) => grant.baseId);
  return narrow([...new Set([...fromWorkspaces, ...granted])], principal.baseIds);
}

const narrow = (ids: string[], allowList: readonly string[] | undefined) =>
  allowList ? ids.filter((id) => allowList.includes(id)) : ids;
