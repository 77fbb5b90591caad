import { createRoute } from '@hono/zod-openapi';
import { auditPageSchema, auditQuerySchema } from '@tableport/contracts';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import type { PlatformInternals } from '../platform.types';
import { caller } from './principal-context';
import { jsonResponses, SECURITY } from './route';

const query = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Query the audit log, newest first',
  description:
    'Filter by workspace or base (their owners may read), by actor (a user id matches all their keys and sessions), ' +
    'by action (`key.created`, or a prefix like `record.*`) and by time (`from` inclusive, `to` exclusive). ' +
    'Without a workspace or base filter: the instance owner or admin token only, or your own actions. Paged by `cursor`.',
  security: SECURITY,
  request: { query: auditQuerySchema },
  responses: jsonResponses(auditPageSchema),
});

/** `/api/v1/audit`. */
export function auditRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  app.openapi(query, async (c) => {
    const { principal } = caller(c);
    const filter = c.req.valid('query');
    const { workspaceId, baseId } = filter;
    if (workspaceId || baseId)
      await platform.authorizer.check(principal, 'audit.read', { workspaceId, baseId });
    else if (!(filter.actorId && filter.actorId === principal.userId && principal.kind === 'session'))
      await platform.authorizer.check(principal, 'instance.manage');
    const page = await platform.audit.query({
      ...filter,
      from: filter.from ? new Date(filter.from) : undefined,
      to: filter.to ? new Date(filter.to) : undefined,
    });
    return c.json(page, 200);
  });
  return app;
}
