import { createDataModule } from '../data';
import { systemRoutes } from '../gateway/system.routes';
import { createLogAuditSink, createMcpModule } from '../mcp';
import { createPlatformModule } from '../platform/platform.module';
import type { AppContext } from './app-context';
import type { AppModule } from './module';

/**
 * The one place where modules are built and wired to each other (typed calls, no HTTP between
 * modules). Later issues add platform, data, mcp, ai, workflows and comms here.
 */
export function createModules(context: AppContext): AppModule[] {
  const platform = createPlatformModule(context);
  const data = createDataModule(context, { platform: platform.services });
  // MCP tools and resources come from the data service (store issue); until it lands only prompts.
  const mcp = createMcpModule({
    config: context.config,
    logger: context.logger,
    version: context.build.version,
    authorizer: platform.services.authorizer,
    audit: createLogAuditSink(context.logger),
    catalog: { tools: [], resources: [] },
  });
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
  return [platform.module, data.module, mcp.module, system];
}
