import { createRoute } from '@hono/zod-openapi';
import {
  createWorkspaceBody,
  renameWorkspaceBody,
  workspaceParams,
  workspaceSchema,
} from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import type { PlatformInternals } from '../platform.types';
import { caller } from './principal-context';
import { emptyResponses, jsonBody, jsonResponses, SECURITY } from './route';

const tags = ['workspaces'];
const create = createRoute({
  method: 'post',
  path: '/workspaces',
  tags,
  summary: 'Create a workspace (the caller becomes its owner)',
  security: SECURITY,
  request: jsonBody(createWorkspaceBody),
  responses: jsonResponses(workspaceSchema, 201),
});
const list = createRoute({
  method: 'get',
  path: '/workspaces',
  tags,
  summary: "The caller's workspaces with its role in each (admin token: all)",
  security: SECURITY,
  responses: jsonResponses(z.object({ workspaces: z.array(workspaceSchema) })),
});
const get = createRoute({
  method: 'get',
  path: '/workspaces/{workspaceId}',
  tags,
  summary: 'One workspace',
  security: SECURITY,
  request: { params: workspaceParams },
  responses: jsonResponses(workspaceSchema),
});
const rename = createRoute({
  method: 'patch',
  path: '/workspaces/{workspaceId}',
  tags,
  summary: 'Rename a workspace (owner)',
  security: SECURITY,
  request: { params: workspaceParams, ...jsonBody(renameWorkspaceBody) },
  responses: emptyResponses(),
});

/** `/api/v1/workspaces`. */
export function workspaceRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  const { authorizer, workspaces } = platform;
  app.openapi(create, async (c) => {
    const { principal, actor } = caller(c);
    await authorizer.check(principal, 'workspace.create');
    const { name } = c.req.valid('json');
    return c.json(await workspaces.create({ name, ownerUserId: principal.userId, actor }), 201);
  });
  app.openapi(list, async (c) => {
    const { principal } = caller(c);
    await authorizer.check(principal, 'workspace.list');
    return c.json(
      { workspaces: await workspaces.list(principal.kind === 'admin' ? null : principal.userId) },
      200,
    );
  });
  app.openapi(get, async (c) => {
    const { principal } = caller(c);
    const { workspaceId } = c.req.valid('param');
    await authorizer.check(principal, 'workspace.read', { workspaceId });
    return c.json(
      await workspaces.get({ id: workspaceId, userId: principal.kind === 'admin' ? null : principal.userId }),
      200,
    );
  });
  app.openapi(rename, async (c) => {
    const { principal, actor } = caller(c);
    const { workspaceId } = c.req.valid('param');
    await authorizer.check(principal, 'workspace.manage', { workspaceId });
    await workspaces.rename({ id: workspaceId, name: c.req.valid('json').name, actor });
    return c.body(null, 204);
  });
  return app;
}
