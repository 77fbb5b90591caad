import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context';
import type { AppModule } from '../../app/module';
import { createApiApp } from '../../gateway/api-app';
import { requirePrincipal } from '../../gateway/middleware/auth';
import { jsonResponses, SECURITY } from '../../platform/api/route';
import type { PlatformServices } from '../../platform/platform.module';
import type { DataServices } from '../data.module';
import { createDemoService } from './demo.service';

const recreateRoute = createRoute({
  method: 'post',
  path: '/demo',
  tags: ['demo'],
  summary: 'Recreate the demo base (a small CRM): the previous demo base is deleted (instance owner or admin)',
  security: SECURITY,
  responses: jsonResponses(z.object({ baseId: z.string(), records: z.number().int() })),
});

/** The demo base: created on the first start of an empty embedded database; `POST /api/v1/demo` recreates it. */
export function createDemoModule(context: AppContext, deps: { platform: PlatformServices; services: () => DataServices }): AppModule {
  const demo = createDemoService(context, { services: deps.services, secrets: deps.platform.secrets });
  return {
    name: 'demo',
    routes: ({ api }) => {
      const app = createApiApp();
      app.openapi(recreateRoute, async (c) => {
        await deps.platform.authorizer.check(requirePrincipal(c), 'instance.manage');
        return c.json(await demo.recreate(), 200);
      });
      api.route('/', app);
    },
    start: async () => {
      await demo.seedIfEmpty();
    },
  };
}
