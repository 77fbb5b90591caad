import { AppError } from '@tableport/contracts';
import type { Principal } from '../../gateway/gateway.types';
import { ACTIONS, type Action, type Authorizer, type ResourceRef } from '../../platform/authz/authz.types';

/**
 * The permission check before a tool or resource list runs. With a base or workspace it is the
 * Authorizer's whole check. Without one (undo_change learns its base from the change set; a
 * resource list spans bases), a base-level action can only be checked for its scope here: the data
 * service checks the role on each base the call then touches.
 */
export async function checkPermission(input: {
  authorizer: Authorizer;
  principal: Principal;
  action: Action;
  resource: ResourceRef;
}): Promise<void> {
  const { principal, action, resource } = input;
  const spec = ACTIONS[action];
  const targeted = Boolean(resource.baseId || resource.workspaceId);
  if (targeted || spec.level === 'self' || spec.level === 'instance') {
    await input.authorizer.check(principal, action, resource);
    return;
  }
  const scope: string | null = spec.scope;
  if (principal.scopes !== 'all' && (scope === null || !principal.scopes.includes(scope))) {
    throw new AppError({
      code: 'auth.forbidden',
      message: `This operation needs the scope ${scope ?? '(a signed-in session)'}`,
      details: { action },
    });
  }
}
