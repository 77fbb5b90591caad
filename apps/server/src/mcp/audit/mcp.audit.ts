import type { Actor } from '@tableport/contracts';
import type { Logger } from '../../infra/log/logger';

/**
 * One MCP tool call, in the shape of the platform audit log's entries (so the audit log service
 * is a sink as it is). A refusal is a `failure` whose `errorCode` is `auth.forbidden`.
 */
export interface McpAuditEntry {
  action: 'mcp.tool_called';
  outcome: 'success' | 'failure';
  actor: Actor;
  workspaceId?: string;
  baseId?: string;
  target?: { type: 'table'; id: string };
  details: { tool: string; write: boolean; durationMs: number; errorCode?: string; requestId?: string };
}

/** Where the tool wrapper records every call. The platform's audit log implements it. */
export interface McpAuditSink {
  record(entry: McpAuditEntry): Promise<void>;
}

/**
 * An audit sink that writes each entry as one structured log line (`audit: true`), for processes
 * that have no audit log store wired (the platform module's store replaces it in modules.ts).
 */
export function createLogAuditSink(logger: Logger): McpAuditSink {
  return {
    async record(entry) {
      logger.info({ audit: true, ...entry }, entry.action);
    },
  };
}
