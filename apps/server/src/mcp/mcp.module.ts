import { createMcpHandler } from '@modelcontextprotocol/server';
import type { AppModule } from '../app/module';
import type { AppConfig } from '../config';
import type { Logger } from '../infra/log/logger';
import type { Authorizer } from '../platform/authz/authz.types';
import type { McpAuditSink } from './audit/mcp.audit';
import { allowedOriginHosts } from './http/mcp.origin';
import { callerOf, mountMcpRoutes } from './http/mcp.routes';
import { bearerChallenge, publicOrigin } from './http/protected-resource';
import { MCP_PROMPTS } from './prompts/mcp.prompts';
import { createServerFactory, type McpCatalog } from './server/mcp.server';

/** Largest `/mcp` request body: an attachment of 5 MB travels as base64 (4/3) plus JSON. */
export const MCP_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** What the MCP module is built from. */
export interface McpModuleOptions {
  config: Pick<AppConfig, 'mcp' | 'server'>;
  logger: Logger;
  version: string;
  authorizer: Authorizer;
  audit: McpAuditSink;
  /** Tools and resources (the data module's); the prompts default to the built-in ones. */
  catalog: Omit<McpCatalog, 'prompts'> & { prompts?: McpCatalog['prompts'] };
  /** The OAuth issuer for the protected resource metadata, once the platform's server exists. */
  issuer?: (origin: string) => string | undefined;
}

/** The MCP server module: Streamable HTTP at `/mcp` (both lanes), its discovery document, and the server factory. */
export function createMcpModule(options: McpModuleOptions) {
  const logger = options.logger.child({ module: 'mcp' });
  const serverFactory = createServerFactory({
    catalog: { prompts: MCP_PROMPTS, ...options.catalog },
    runtime: {
      authorizer: options.authorizer,
      audit: options.audit,
      logger,
      maxResultBytes: options.config.mcp.maxResultBytes,
    },
    readOnly: options.config.mcp.readOnly,
    version: options.version,
  });
  const handler = createMcpHandler((ctx) => serverFactory(callerOf(ctx.authInfo)), {
    legacy: 'stateless',
    maxRequestBodySize: MCP_BODY_LIMIT_BYTES,
    onerror: (error) => logger.warn({ err: error }, 'mcp request rejected'),
  });
  const module: AppModule = {
    name: 'mcp',
    bodyLimitOverrides: () => [{ pattern: /^\/mcp$/, maxBytes: MCP_BODY_LIMIT_BYTES }],
    authChallenges: () => [
      {
        pathPrefix: '/mcp',
        header: (requestUrl) => bearerChallenge(publicOrigin(options.config.server.publicUrl, requestUrl)),
      },
    ],
    routes: ({ root }) =>
      mountMcpRoutes(root, {
        handler,
        allowedOriginHosts: allowedOriginHosts({
          publicUrl: options.config.server.publicUrl,
          configured: options.config.mcp.allowedOrigins,
        }),
        publicUrl: options.config.server.publicUrl,
        issuer: options.issuer ?? (() => undefined),
      }),
    stop: () => handler.close(),
  };
  return { module, services: { serverFactory } };
}
