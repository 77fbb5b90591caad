import { systemRoutes } from '../gateway/system.routes';
import { createPlatformModule } from '../platform/platform.module';
import type { AppContext } from './app-context';
import type { AppModule } from './module';

/**
 * The one place where modules are built and wired to each other (typed calls, no HTTP between
 * modules). Later issues add platform, data, mcp, ai, workflows and comms here.
 */
export function createModules(context: AppContext): AppModule[] {
  const platform = createPlatformModule(context);
  const system: AppModule = {
    name: 'system',
    routes: ({ api }) => {
      api.route(
        '/',
        systemRoutes({
          info: { ...context.build, role: context.role },
          database: context.db.dialect,
          kv: context.kv.kind,
          jobs: context.jobs,
        }),
      );
    },
  };
  return [platform.module, system];
}
