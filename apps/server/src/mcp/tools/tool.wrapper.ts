import type { CallToolResult } from '@modelcontextprotocol/server';
import type { AppError } from '@tableport/contracts';
import { actorOf } from '../../gateway/actor';
import type { Principal } from '../../gateway/gateway.types';
import type { Logger } from '../../infra/log/logger';
import type { Authorizer } from '../../platform/authz/authz.types';
import type { McpAuditSink } from '../audit/mcp.audit';
import { parseArguments } from './tool.arguments';
import { fitBudget } from './tool.budget';
import { normaliseToolError, toolErrorResult } from './tool.errors';
import { checkPermission } from './tool.permission';
import type { AnyToolDefinition, ToolContext } from './tool.types';

/** The shared collaborators of every tool call. */
export interface ToolRuntime {
  authorizer: Authorizer;
  audit: McpAuditSink;
  logger: Logger;
  /** Response budget of one result (TABLEPORT_MCP_MAX_RESULT_BYTES). */
  maxResultBytes: number;
}

/** One call as the transport hands it over. */
export interface ToolCall {
  principal: Principal;
  requestId?: string;
  signal?: AbortSignal;
}

type Resource = ReturnType<NonNullable<AnyToolDefinition['resource']>>;

/**
 * The one tool wrapper: parse the arguments (zod, model-actionable errors) → check the permission
 * (Authorizer) → run → keep within the response budget → structuredContent + compact text. Any
 * failure becomes an `isError` result, and every call, whatever its outcome, gets an audit entry.
 */
export async function callTool(input: {
  tool: AnyToolDefinition;
  runtime: ToolRuntime;
  call: ToolCall;
  rawArgs: unknown;
}): Promise<CallToolResult> {
  const { tool, runtime, call } = input;
  const started = performance.now();
  const logger = runtime.logger.child({ tool: tool.name, requestId: call.requestId });
  const context: ToolContext = {
    principal: call.principal,
    actor: actorOf(call.principal, 'mcp'),
    logger,
    signal: call.signal,
  };
  let resource: Resource = {};
  let failure: AppError | undefined;
  try {
    const args = parseArguments(tool, input.rawArgs);
    resource = tool.resource?.(args) ?? {};
    await checkPermission({
      authorizer: runtime.authorizer,
      principal: call.principal,
      action: tool.action,
      resource,
    });
    const output: unknown = await tool.run(args, context);
    const rendered = fitBudget({ tool, args, output, maxBytes: runtime.maxResultBytes });
    return {
      content: [{ type: 'text', text: rendered.text }],
      structuredContent: rendered.output as Record<string, unknown>,
    };
  } catch (error) {
    failure = normaliseToolError(error);
    if (failure.fault === 'bug') logger.error({ err: error }, 'tool failed');
    return toolErrorResult(failure, call.requestId);
  } finally {
    await runtime.audit
      .record({
        action: 'mcp.tool_called',
        outcome: failure ? 'failure' : 'success',
        actor: context.actor,
        workspaceId: resource.workspaceId,
        baseId: resource.baseId,
        ...(resource.tableId ? { target: { type: 'table' as const, id: resource.tableId } } : {}),
        details: {
          tool: tool.name,
          write: tool.kind === 'write',
          durationMs: Math.round(performance.now() - started),
          ...(failure ? { errorCode: failure.code } : {}),
          ...(call.requestId ? { requestId: call.requestId } : {}),
        },
      })
      .catch((error: unknown) => logger.error({ err: error }, 'audit entry lost'));
  }
}
