import { createRoute } from '@hono/zod-openapi';
import { baseGrantParams, baseGrantSchema, baseParams, setRoleBody } from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import type { PlatformInternals } from '../platform.types';
import { assertMayGrant } from './grant-guard';
import { caller } from './principal-context';
import { emptyResponses, jsonBody, jsonResponses, SECURITY } from './route';

const tags = ['base roles'];
const list = createRoute({
  method: 'get',
  path: '/bases/{baseId}/roles',
  tags,
  summary: 'Roles granted on a base (on top of workspace roles)',
  security: SECURITY,
  request: { params: baseParams },
  responses: jsonResponses(z.object({ grants: z.array(baseGrantSchema) })),
});
const grant = createRoute({
  method: 'put',
  path: '/bases/{baseId}/roles/{userId}',
  tags,
  summary: 'Grant a user a role on a base (creator or owner there, up to their own role)',
  security: SECURITY,
  request: { params: baseGrantParams, ...jsonBody(setRoleBody) },
  responses: emptyResponses(),
});
const revoke = createRoute({
  method: 'delete',
  path: '/bases/{baseId}/roles/{userId}',
  tags,
  summary: "Remove a user's role on a base (their workspace role stays)",
  security: SECURITY,
  request: { params: baseGrantParams },
  responses: emptyResponses(),
});

/** `/api/v1/bases/{baseId}/roles`. */
export function baseRoleRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  const { authorizer, baseRoles } = platform;
  app.openapi(list, async (c) => {
    const { baseId } = c.req.valid('param');
    await authorizer.check(caller(c).principal, 'schema.read', { baseId });
    return c.json({ grants: await baseRoles.list(baseId) }, 200);
  });
  app.openapi(grant, async (c) => {
    const { principal, actor } = caller(c);
    const { baseId, userId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    await authorizer.check(principal, 'base.share', { baseId });
    await assertMayGrant({ authorizer, principal, role, resource: { baseId } });
    await baseRoles.grant({ baseId, userId, role, actor });
    return c.body(null, 204);
  });
  app.openapi(revoke, async (c) => {
    const { principal, actor } = caller(c);
    const { baseId, userId } = c.req.valid('param');
    await authorizer.check(principal, 'base.share', { baseId });
    await baseRoles.revoke({ baseId, userId, actor });
    return c.body(null, 204);
  });
  return app;
}
