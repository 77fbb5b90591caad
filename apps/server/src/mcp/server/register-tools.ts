import type { McpServer, ToolAnnotations } from '@modelcontextprotocol/server';
import { registeredSchemas } from '../tools/tool.schemas';
import type { AnyToolDefinition } from '../tools/tool.types';
import { callTool, type ToolCall, type ToolRuntime } from '../tools/tool.wrapper';

/** MCP annotations from a tool's kind and flags (the spec's defaults would call every tool destructive). */
export function annotationsOf(tool: AnyToolDefinition): ToolAnnotations {
  const openWorldHint = tool.openWorld ?? false;
  if (tool.kind === 'read')
    return { title: tool.title, readOnlyHint: true, idempotentHint: true, openWorldHint };
  return {
    title: tool.title,
    readOnlyHint: false,
    destructiveHint: tool.destructive ?? false,
    idempotentHint: tool.idempotent ?? false,
    openWorldHint,
  };
}

/** Registers tools on a server; each call goes through the one tool wrapper. */
export function registerTools(input: {
  server: McpServer;
  tools: readonly AnyToolDefinition[];
  runtime: ToolRuntime;
  call: Omit<ToolCall, 'signal'>;
}): void {
  for (const tool of input.tools) {
    const schemas = registeredSchemas(tool);
    input.server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: schemas.input,
        outputSchema: schemas.output,
        annotations: annotationsOf(tool),
      },
      (rawArgs: unknown, ctx) =>
        callTool({
          tool,
          runtime: input.runtime,
          call: { ...input.call, signal: ctx.mcpReq.signal },
          rawArgs,
        }),
    );
  }
}
