export { createMcpModule, MCP_BODY_LIMIT_BYTES, type McpModuleOptions } from './mcp.module';
export { createLogAuditSink, type McpAuditEntry, type McpAuditSink } from './audit/mcp.audit';
export type { McpCatalog } from './server/mcp.server';
export {
  defineTool,
  type AnyToolDefinition,
  type ToolContext,
  type ToolDefinition,
  type ToolPaging,
} from './tools/tool.types';
export { truncationSchema } from './tools/tool.budget';
export { decodeCursor, encodeCursor, type CursorScope } from './tools/tool.cursor';
export type { ResourceTemplateDefinition, ResourceEntry } from './resources/resource.types';
export { createDataCatalog } from './data-tools/data.catalog';
export type { DataToolDeps } from './data-tools/tool.deps';
