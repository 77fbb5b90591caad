import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import type { AnyToolDefinition } from './tool.types';

const describeParameters = (schema: z.ZodType): string => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  const names = Object.keys(json.properties ?? {});
  if (names.length === 0) return 'This tool takes no arguments.';
  return `Parameters: ${names.map((name) => (required.has(name) ? `${name} (required)` : name)).join(', ')}.`;
};

const issuePath = (issue: z.core.$ZodIssue) =>
  issue.path.length === 0
    ? 'arguments'
    : issue.path
        .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
        .join('');

/** Parses tool arguments; a failure is `mcp.invalid_arguments` naming each problem and the parameters. */
export function parseArguments<Args>(tool: AnyToolDefinition, raw: unknown): Args {
  const result = (tool.input as z.ZodType<Args>).safeParse(raw ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issuePath(issue), message: issue.message }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new AppError({
    code: 'mcp.invalid_arguments',
    message: `Invalid arguments for ${tool.name}: ${summary}. ${describeParameters(tool.input)}`,
    details: { issues },
  });
}
