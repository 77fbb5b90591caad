import { createRoute } from '@hono/zod-openapi';
import { memberParams, memberSchema, setRoleBody, workspaceParams } from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import type { PlatformInternals } from '../platform.types';
import { caller } from './principal-context';
import { emptyResponses, jsonBody, jsonResponses, SECURITY } from './route';

const tags = ['members'];
const list = createRoute({
  method: 'get',
  path: '/workspaces/{workspaceId}/members',
  tags,
  summary: 'Members of a workspace with their roles',
  security: SECURITY,
  request: { params: workspaceParams },
  responses: jsonResponses(z.object({ members: z.array(memberSchema) })),
});
const setRole = createRoute({
  method: 'patch',
  path: '/workspaces/{workspaceId}/members/{userId}',
  tags,
  summary: "Change a member's role (owner; a workspace keeps at least one owner)",
  security: SECURITY,
  request: { params: memberParams, ...jsonBody(setRoleBody) },
  responses: emptyResponses(),
});
const remove = createRoute({
  method: 'delete',
  path: '/workspaces/{workspaceId}/members/{userId}',
  tags,
  summary: 'Remove a member and their base roles in the workspace (owner)',
  security: SECURITY,
  request: { params: memberParams },
  responses: emptyResponses(),
});

/** `/api/v1/workspaces/{id}/members`. */
export function memberRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  const { authorizer, members } = platform;
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    await authorizer.check(caller(c).principal, 'members.read', { workspaceId });
    return c.json({ members: await members.list(workspaceId) }, 200);
  });
  app.openapi(setRole, async (c) => {
    const { principal, actor } = caller(c);
    const { workspaceId, userId } = c.req.valid('param');
    await authorizer.check(principal, 'members.manage', { workspaceId });
    await members.setRole({ workspaceId, userId, role: c.req.valid('json').role, actor });
    return c.body(null, 204);
  });
  app.openapi(remove, async (c) => {
    const { principal, actor } = caller(c);
    const { workspaceId, userId } = c.req.valid('param');
    await authorizer.check(principal, 'members.manage', { workspaceId });
    await members.remove({ workspaceId, userId, actor });
    return c.body(null, 204);
  });
  return app;
}
