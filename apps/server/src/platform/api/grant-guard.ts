import { AppError, type Role } from '@tableport/contracts';
import type { Principal } from '../../gateway/gateway.types';
import type { Authorizer, ResourceRef } from '../authz/authz.types';
import { roleAtLeast } from '../authz/roles';

/** Nobody hands out a role above their own there (Airtable: creators invite up to creator). */
export async function assertMayGrant(input: {
  authorizer: Authorizer;
  principal: Principal;
  role: Role;
  resource: ResourceRef;
}): Promise<void> {
  const own = await input.authorizer.roleOn(input.principal, input.resource);
  if (roleAtLeast(own, input.role)) return;
  throw new AppError({
    code: 'auth.forbidden',
    message: `You cannot grant the ${input.role} role: it is above your own`,
  });
}
