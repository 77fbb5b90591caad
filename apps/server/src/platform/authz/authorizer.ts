import { AppError } from '@tableport/contracts';
import type { Principal } from '../../gateway/gateway.types';
import { ACTIONS, type Action, type Authorizer, type ResourceRef } from './authz.types';

const forbidden = (message: string) => new AppError({ code: 'auth.forbidden', message });

/** Scope and base allow-list checks of keys and tokens (the part that needs no roles). */
export function checkScopes(principal: Principal, action: Action, resource: ResourceRef): void {
  if (principal.scopes !== 'all' && !principal.scopes.includes(ACTIONS[action].scope)) {
    throw forbidden(`This operation needs the scope ${ACTIONS[action].scope}`);
  }
  if (principal.baseIds && resource.baseId && !principal.baseIds.includes(resource.baseId)) {
    throw forbidden('This key is not allowed on that base');
  }
}

/**
 * Builds the authorizer. Until workspace roles land (platform issue), a principal's scopes and base
 * allow-list decide; the admin token may do everything.
 */
export function createAuthorizer(): Authorizer {
  return {
    async check(principal, action, resource = {}) {
      if (!principal) throw new AppError({ code: 'auth.required', message: 'Authentication required' });
      if (principal.kind === 'admin') return;
      checkScopes(principal, action, resource);
    },
    async visibleBaseIds(principal) {
      return principal.baseIds ?? 'all';
    },
  };
}
