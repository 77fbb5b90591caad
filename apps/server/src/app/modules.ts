import { createDataModule, findBase, type DataServices } from '../data';
import { createAttachmentsModule } from '../data/attachments/attachments.module';
import { createCommentsModule } from '../data/comments/comments.module';
import { createCommentService } from '../data/comments';
import { createCsvModule } from '../data/csv';
import { createDemoModule } from '../data/demo/demo.module';
import { createImportModule } from '../data/import/import.module';
import { v0RateLimit } from '../data/v0/v0.rate-limit';
import { createWebhooksModule } from '../data/webhooks';
import { createAirtableModule } from '../data/airtable';
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
  // Real Airtable bases: the `airtable` driver the data service picks for connected bases.
  const airtable = createAirtableModule(context, { platform: platform.services });
  // Comments, webhooks and attachments extend the store and /v0; they reach the data module's services once built.
  const bound: { services?: DataServices } = {};
  const services = () => bound.services!;
  const local = () => services().local;
  const comments = createCommentsModule(context, {
    platform: platform.services,
    local,
    airtable: airtable.services.source,
  });
  const webhooks = createWebhooksModule(context, { platform: platform.services, local });
  const attachments = createAttachmentsModule(context, {
    authorizer: platform.services.authorizer,
    services,
  });
  const data = createDataModule(context, {
    platform: platform.services,
    local: { comments: comments.counter, attachments: attachments.store },
    v0Extensions: [comments.v0, webhooks.v0, attachments.v0],
    airtable: airtable.services.source,
    v0Middleware: [
      platform.services.requestLimit,
      ...v0RateLimit({
        rateLimiter: context.kv.rateLimiter,
        perSecond: context.config.v0.rateLimitPerSecond,
      }),
    ],
  });
  bound.services = data.services;
  // MCP tools and resources run on the data service; every call lands in the platform's audit log.
  const mcp = createMcpModule({
    config: context.config,
    logger: context.logger,
    version: context.build.version,
    authorizer: platform.services.authorizer,
    audit: platform.services.audit,
    // The platform's OAuth server: the protected resource metadata lists it in authorization_servers.
    issuer: platform.services.oauthIssuer,
    catalog: createDataCatalog({
      data: data.services.data,
      comments: createCommentService({
        db: context.db,
        events: context.events,
        authorizer: platform.services.authorizer,
        local: data.services.local,
        airtable: airtable.services.source,
        users: platform.services.users,
      }),
      uploads: {
        upload: async (file) => {
          const stored = await attachments.store.save(file);
          return { url: attachments.store.urlOf(stored), filename: stored.filename };
        },
      },
    }),
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
  return [
    platform.module,
    airtable.module,
    data.module,
    comments.module,
    webhooks.module,
    attachments.module,
    createCsvModule({ services }),
    createDemoModule(context, { platform: platform.services, services }),
    createImportModule(context, { services }),
    mcp.module,
    system,
  ];
}
