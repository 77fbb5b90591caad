import { createRoute } from '@hono/zod-openapi';
import { apiKeySchema, AppError, createdKeySchema, createKeyBody, keyParams } from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import type { Principal } from '../../gateway/gateway.types';
import type { PlatformInternals } from '../platform.types';
import { caller } from './principal-context';
import { emptyResponses, jsonBody, jsonResponses, SECURITY } from './route';

const tags = ['api keys'];
const create = createRoute({
  method: 'post',
  path: '/keys',
  tags,
  summary: 'Create an API key (a personal access token); the token is in this response only',
  security: SECURITY,
  request: jsonBody(createKeyBody),
  responses: jsonResponses(createdKeySchema, 201),
});
const list = createRoute({
  method: 'get',
  path: '/keys',
  tags,
  summary: "The caller's keys (admin token: all), without tokens",
  security: SECURITY,
  responses: jsonResponses(z.object({ keys: z.array(apiKeySchema) })),
});
const revoke = createRoute({
  method: 'delete',
  path: '/keys/{keyId}',
  tags,
  summary: 'Revoke a key (it stops working at once)',
  security: SECURITY,
  request: { params: keyParams },
  responses: emptyResponses(),
});

/** `/api/v1/keys`. Keys and OAuth tokens cannot manage keys: a session or the admin token can. */
export function keyRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  const { authorizer, keys } = platform;
  const ownerOf = async (principal: Principal, requested: string | undefined): Promise<string> => {
    if (principal.kind !== 'admin') {
      if (requested && requested !== principal.userId)
        throw new AppError({ code: 'auth.forbidden', message: 'Keys can only be created for yourself' });
      return principal.userId!;
    }
    const owner = requested ?? (await platform.roles.instanceOwnerId());
    if (!owner)
      throw new AppError({ code: 'user.not_found', message: 'No user exists yet: create one first' });
    return (await platform.users.get(owner)).id;
  };
  app.openapi(create, async (c) => {
    const { principal, actor } = caller(c);
    await authorizer.check(principal, 'keys.manage');
    const body = c.req.valid('json');
    const userId = await ownerOf(principal, body.userId);
    const created = await keys.create({
      ...body,
      userId,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      actor,
    });
    return c.json(created, 201);
  });
  app.openapi(list, async (c) => {
    const { principal } = caller(c);
    await authorizer.check(principal, 'keys.manage');
    return c.json({ keys: await keys.list(principal.kind === 'admin' ? null : principal.userId) }, 200);
  });
  app.openapi(revoke, async (c) => {
    const { principal, actor } = caller(c);
    const { keyId } = c.req.valid('param');
    await authorizer.check(principal, 'keys.manage');
    const key = await keys.get(keyId);
    if (principal.kind !== 'admin' && key.userId !== principal.userId)
      throw new AppError({ code: 'key.not_found', message: `No API key ${keyId}` });
    await keys.revoke({ id: keyId, actor });
    return c.body(null, 204);
  });
  return app;
}
