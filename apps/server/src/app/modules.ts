import { createDataModule, findBase } from '../data';
import { systemRoutes } from '../gateway/system.routes';
import { createDataCatalog, createMcpModule } from '../mcp';
import { createPlatformModule } from '../platform/platform.module';
import type { AppContext } from './app-context';
import type { AppModule } from './module';

/**
 * The one place where modules are built and wired to each other (typed calls, no HTTP between
 * modules). Later issues add platform, data, mcp, ai, workflows and comms here.
 */
export function createModules(context: AppContext): AppModule[] {
  // The authorizer finds a base's workspace in the store's registry (data_bases).
  const platform = createPlatformModule(context, {
    bases: {
      workspaceOf: async (baseId) => (await findBase(context.db, baseId))?.workspaceId ?? null,
      baseIdsIn: async (workspaceIds) =>
        (
          await context.db.query<{ id: string }>(
            'SELECT id FROM data_bases WHERE workspace_id = ANY($1::text[])',
            [[...workspaceIds]],
          )
        ).rows.map((row) => row.id),
    },
  });
  const data = createDataModule(context, {
    platform: platform.services,
    v0Middleware: [platform.services.requestLimit],
  });
  // MCP tools and resources run on the data service; every call lands in the platform's audit log.
  const mcp = createMcpModule({
    config: context.config,
    logger: context.logger,
    version: context.build.version,
    authorizer: platform.services.authorizer,
    audit: platform.services.audit,
    catalog: createDataCatalog({ data: data.services.data }),
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
