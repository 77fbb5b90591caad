import { AppError } from '@tableport/contracts';
import type { Principal } from '../../gateway/gateway.types';
import { ACTIONS, type Action, type Authorizer, type ResourceRef } from '../../platform/authz/authz.types';

const forbidden = (message: string) => new AppError({ code: 'auth.forbidden', message });

/**
 * An Authorizer for MCP protocol tests that need no database: the admin token may do everything,
 * keys need the action's scope and, with a base allow-list, the base (the platform's rules minus
 * workspace roles, which need stored users).
 */
export function createScopeAuthorizer(): Authorizer {
  const check = async (principal: Principal | null, action: Action, resource: ResourceRef = {}) => {
    if (!principal) throw new AppError({ code: 'auth.required', message: 'Authentication required' });
    if (principal.kind === 'admin') return;
    const scope: string | null = ACTIONS[action].scope;
    if (principal.scopes !== 'all' && (scope === null || !principal.scopes.includes(scope))) {
      throw forbidden(`This operation needs the scope ${scope ?? '(a signed-in session)'}`);
    }
    if (principal.baseIds && resource.baseId && !principal.baseIds.includes(resource.baseId)) {
      throw forbidden('This key is not allowed on that base');
    }
  };
  const authorizer = {
    check,
    can: (principal: Principal | null, action: Action, resource?: ResourceRef) =>
      check(principal, action, resource).then(
        () => true,
        () => false,
      ),
    roleOn: async (principal: Principal) => (principal.kind === 'admin' ? ('owner' as const) : null),
    visibleBaseIds: async (principal: Principal) => principal.baseIds ?? ('all' as const),
  };
  return authorizer;
}
