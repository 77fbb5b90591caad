import { AppError, type Channel } from '@tableport/contracts';
import type { Principal } from '../gateway/gateway.types';
import { actorOf } from '../gateway/actor';
import type { Database } from '../infra/db';
import type { Action, Authorizer } from '../platform/authz/authz.types';
import type { BaseEntry, DataSource, DriverKind } from './data-source.types';
import { findBase } from './data.registry';

/** Who calls the data service and through which channel (`v0`, `mcp`, `web`, `ai`, `automation`...). */
export interface Caller {
  principal: Principal | null;
  channel: Channel;
}

/** What resolving a base needs. */
export interface AccessDeps {
  db: Database;
  authorizer: Authorizer;
  drivers: Partial<Record<DriverKind, DataSource>>;
}

/** `base.not_found`: an unknown base looks exactly like one the caller may not see (403 on /v0). */
export function baseNotFound(baseId: string): AppError {
  return new AppError({ code: 'base.not_found', message: `Could not find base ${baseId}`, details: { baseId } });
}

/** The principal, or `auth.required`. */
export function requireCaller(caller: Caller): Principal {
  if (!caller.principal) throw new AppError({ code: 'auth.required', message: 'Authentication required' });
  return caller.principal;
}

/**
 * Resolves a base for an action: authentication first, then existence, then permission. Unknown
 * and forbidden bases give the same answer on /v0, as on Airtable.
 */
export async function accessBase(
  deps: AccessDeps,
  options: { caller: Caller; action: Action; baseId: string },
): Promise<{ base: BaseEntry; driver: DataSource; actor: ReturnType<typeof actorOf> }> {
  const principal = requireCaller(options.caller);
  const base = await findBase(deps.db, options.baseId);
  if (!base) throw baseNotFound(options.baseId);
  await deps.authorizer.check(principal, options.action, { workspaceId: base.workspaceId, baseId: base.id });
  const driver = deps.drivers[base.driver];
  if (!driver) {
    throw new AppError({ code: 'service.unavailable', message: `The ${base.driver} driver is not available on this node` });
  }
  return { base, driver, actor: actorOf(principal, options.caller.channel) };
}
