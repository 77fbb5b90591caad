import { McpServer } from '@modelcontextprotocol/server';
import { actorOf } from '../../gateway/actor';
import type { Principal } from '../../gateway/gateway.types';
import type { PromptDefinition } from '../prompts/prompt.types';
import type { ResourceTemplateDefinition } from '../resources/resource.types';
import type { AnyToolDefinition } from '../tools/tool.types';
import { visibleTools } from '../tools/tool.visibility';
import type { ToolRuntime } from '../tools/tool.wrapper';
import { registerPrompts } from './register-prompts';
import { registerResources } from './register-resources';
import { registerTools } from './register-tools';

/** Everything the MCP server offers. */
export interface McpCatalog {
  tools: readonly AnyToolDefinition[];
  prompts: readonly PromptDefinition[];
  resources: readonly ResourceTemplateDefinition[];
}

/** Options of {@link createServerFactory}. */
export interface ServerFactoryOptions {
  catalog: McpCatalog;
  runtime: ToolRuntime;
  /** TABLEPORT_MCP_READ_ONLY: write tools are hidden from everyone. */
  readOnly: boolean;
  version: string;
}

const INSTRUCTIONS = [
  'Tableport gives access to Airtable-style bases (tables, fields, records).',
  'Start with list_bases and describe_table; name fields exactly as describe_table shows them.',
  'Reads return one page: pass `fields` to get only what you need, and nextCursor to go on (hasMore says whether more exist).',
  'Destructive tools preview their change with dry_run before applying it, and undo_change reverts a change.',
].join(' ');

// Lists vary with the caller's scopes (private); prompts and resource templates do not.
const CACHE_HINTS = {
  'tools/list': { ttlMs: 300_000, cacheScope: 'private' },
  'prompts/list': { ttlMs: 3_600_000, cacheScope: 'public' },
  'resources/templates/list': { ttlMs: 3_600_000, cacheScope: 'public' },
  'resources/list': { ttlMs: 30_000, cacheScope: 'private' },
  'resources/read': { ttlMs: 0, cacheScope: 'private' },
  'server/discover': { ttlMs: 3_600_000, cacheScope: 'public' },
} as const;

/**
 * Builds the per-request server factory: each HTTP request (and each stdio connection) gets a fresh
 * `McpServer` holding the tools its principal may see, so nothing is shared between callers
 * (a reused transport misroutes concurrent responses: mcp-notes.md).
 */
export function createServerFactory(options: ServerFactoryOptions) {
  const { catalog, runtime } = options;
  return (call: { principal: Principal; requestId?: string }): McpServer => {
    const server = new McpServer(
      { name: 'tableport', title: 'Tableport', version: options.version },
      {
        capabilities: {
          tools: { listChanged: false },
          prompts: { listChanged: false },
          resources: { listChanged: false },
        },
        instructions: INSTRUCTIONS,
        cacheHints: CACHE_HINTS,
      },
    );
    const tools = visibleTools({
      tools: catalog.tools,
      principal: call.principal,
      readOnly: options.readOnly,
    });
    registerTools({ server, tools, runtime, call });
    registerPrompts(server, catalog.prompts);
    const context = {
      principal: call.principal,
      actor: actorOf(call.principal, 'mcp'),
      logger: runtime.logger.child({ requestId: call.requestId }),
    };
    registerResources({ server, resources: catalog.resources, authorizer: runtime.authorizer, context });
    return server;
  };
}
