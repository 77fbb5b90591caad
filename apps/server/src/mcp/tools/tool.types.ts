import type { Actor } from '@tableport/contracts';
import type { z } from 'zod';
import type { Principal } from '../../gateway/gateway.types';
import type { Logger } from '../../infra/log/logger';
import type { Action, ResourceRef } from '../../platform/authz/authz.types';

/** What a tool handler knows about the call it serves. */
export interface ToolContext {
  principal: Principal;
  /** The actor recorded in events, change sets and the audit log (channel `mcp`). */
  actor: Actor;
  logger: Logger;
  /** Aborted when the client cancels or disconnects. */
  signal?: AbortSignal;
}

/**
 * How the response budget cuts a list result: `items` names the array that may be shortened, and
 * `cut` returns the result with only the first `keep` items and a cursor that resumes right after
 * them (the tool knows its cursor encoding).
 */
export interface ToolPaging<Args, Output> {
  items: (output: Output) => readonly unknown[];
  cut: (input: { args: Args; output: Output; keep: number }) => Output;
}

/**
 * One MCP tool: its contract (schemas, annotations, the action it needs) and its handler. The tool
 * wrapper applies parsing, permission, audit, budget and error mapping to every tool alike.
 */
export interface ToolDefinition<Args = unknown, Output = unknown> {
  name: string;
  title: string;
  /** What the model reads to pick the tool: what it does, when to use it, what it returns. */
  description: string;
  input: z.ZodType<Args>;
  output: z.ZodType<Output>;
  /** `read` tools never change data; `write` tools are hidden in read-only mode. */
  kind: 'read' | 'write';
  /** Changes or removes existing data (meaningful for `write` tools only). */
  destructive?: boolean;
  /** Calling twice with the same arguments has the effect of calling once. */
  idempotent?: boolean;
  /** Reaches outside Tableport's data (fetching a URL); false for tools on a base's data. */
  openWorld?: boolean;
  /** The permission the Authorizer checks before the handler runs. */
  action: Action;
  /** The base (and workspace) the call touches, for the permission check and the audit entry. */
  resource?: (args: Args) => ResourceRef & { tableId?: string };
  run: (args: Args, context: ToolContext) => Promise<Output>;
  /** The compact text form the model reads next to `structuredContent` (default: compact JSON). */
  text?: (output: Output) => string;
  paging?: ToolPaging<Args, Output>;
}

/** A tool of any argument and output type, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyToolDefinition = ToolDefinition<any, any>;

/** Declares a tool with its argument and output types inferred from the schemas. */
export function defineTool<Input extends z.ZodType, Output extends z.ZodType>(
  definition: ToolDefinition<z.output<Input>, z.output<Output>> & { input: Input; output: Output },
): ToolDefinition<z.output<Input>, z.output<Output>> {
  return definition;
}
