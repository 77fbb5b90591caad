import { createRoute } from '@hono/zod-openapi';
import { createSecretBody, secretParams, secretSchema, workspaceParams } from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import type { PlatformInternals } from '../platform.types';
import { caller } from './principal-context';
import { emptyResponses, jsonBody, jsonResponses, SECURITY } from './route';

const tags = ['secrets'];
const create = createRoute({
  method: 'post',
  path: '/workspaces/{workspaceId}/secrets',
  tags,
  summary: 'Store a secret (encrypted at rest; the value is never returned)',
  security: SECURITY,
  request: { params: workspaceParams, ...jsonBody(createSecretBody) },
  responses: jsonResponses(secretSchema, 201),
});
const list = createRoute({
  method: 'get',
  path: '/workspaces/{workspaceId}/secrets',
  tags,
  summary: 'Secrets of a workspace: metadata and a hint only',
  security: SECURITY,
  request: { params: workspaceParams },
  responses: jsonResponses(z.object({ secrets: z.array(secretSchema) })),
});
const remove = createRoute({
  method: 'delete',
  path: '/workspaces/{workspaceId}/secrets/{secretId}',
  tags,
  summary: 'Delete a secret',
  security: SECURITY,
  request: { params: secretParams },
  responses: emptyResponses(),
});
const rotate = createRoute({
  method: 'post',
  path: '/secrets/rotate',
  tags,
  summary:
    'Rotate the data key: every secret is re-encrypted under a new key version (instance owner or admin)',
  security: SECURITY,
  responses: jsonResponses(z.object({ version: z.number().int(), reencrypted: z.number().int() })),
});

/** `/api/v1/workspaces/{id}/secrets` and `/api/v1/secrets/rotate`. */
export function secretRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  const { authorizer, secrets } = platform;
  app.openapi(create, async (c) => {
    const { principal, actor } = caller(c);
    const { workspaceId } = c.req.valid('param');
    await authorizer.check(principal, 'secrets.manage', { workspaceId });
    return c.json(await secrets.create({ ...c.req.valid('json'), workspaceId, actor }), 201);
  });
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    await authorizer.check(caller(c).principal, 'secrets.read', { workspaceId });
    return c.json({ secrets: await secrets.list(workspaceId) }, 200);
  });
  app.openapi(remove, async (c) => {
    const { principal, actor } = caller(c);
    const { workspaceId, secretId } = c.req.valid('param');
    await authorizer.check(principal, 'secrets.manage', { workspaceId });
    await secrets.delete({ workspaceId, id: secretId, actor });
    return c.body(null, 204);
  });
  app.openapi(rotate, async (c) => {
    const { principal, actor } = caller(c);
    await authorizer.check(principal, 'instance.manage');
    return c.json(await secrets.rotate(actor), 200);
  });
  return app;
}
