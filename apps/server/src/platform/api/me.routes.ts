import { createRoute } from '@hono/zod-openapi';
import { createUserBody, meSchema, userSchema } from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import type { PlatformInternals } from '../platform.types';
import { caller } from './principal-context';
import { jsonBody, jsonResponses, SECURITY } from './route';

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags: ['users'],
  summary: 'Who is calling',
  security: SECURITY,
  responses: jsonResponses(meSchema),
});
const listUsers = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  summary: 'List users (instance owner or admin token)',
  security: SECURITY,
  responses: jsonResponses(z.object({ users: z.array(userSchema) })),
});
const createUser = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  summary: 'Create a user with a password (instance owner or admin token; used by `tableport user create`)',
  security: SECURITY,
  request: jsonBody(createUserBody),
  responses: jsonResponses(userSchema, 201),
});

/** `/api/v1/me` and `/api/v1/users`. */
export function meRoutes(platform: PlatformInternals): ApiApp {
  const app = createApiApp();
  app.openapi(getMe, async (c) => {
    const { principal } = caller(c);
    const user = principal.userId ? await platform.users.get(principal.userId) : null;
    const instanceOwner = principal.userId ? await platform.roles.isInstanceOwner(principal.userId) : false;
    return c.json(
      {
        user,
        principal: {
          kind: principal.kind,
          id: principal.id,
          scopes: principal.scopes as 'all' | string[],
          baseIds: principal.baseIds ? [...principal.baseIds] : null,
        },
        instanceOwner,
      },
      200,
    );
  });
  app.openapi(listUsers, async (c) => {
    await platform.authorizer.check(caller(c).principal, 'instance.manage');
    return c.json({ users: await platform.users.list() }, 200);
  });
  app.openapi(createUser, async (c) => {
    const { principal, actor } = caller(c);
    await platform.authorizer.check(principal, 'instance.manage');
    return c.json(await platform.users.create({ ...c.req.valid('json'), actor }), 201);
  });
  return app;
}
