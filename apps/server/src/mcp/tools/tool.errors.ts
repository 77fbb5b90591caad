import { AppError, toAppError } from '@tableport/contracts';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { ZodError } from 'zod';
import { validationError } from '../../gateway/error-handler';

/** Any thrown value as an AppError (zod failures of our own schemas become `request.invalid`). */
export function normaliseToolError(error: unknown): AppError {
  if (AppError.isInstance(error)) return error;
  if (error instanceof ZodError) return validationError(error);
  return toAppError(error);
}

/**
 * The MCP transport's one error mapping: a tool failure is an `isError` result (never a protocol
 * error) whose text says what went wrong and what to do. No `structuredContent`: the output schema
 * describes success only, and clients reject a result that does not match it.
 */
export function toolErrorResult(error: AppError, requestId?: string): CallToolResult {
  const message =
    error.fault === 'bug'
      ? `Unexpected server error${requestId ? ` (request ${requestId})` : ''}; the server log has the details.`
      : error.message;
  const retry = error.retryable ? ' This may succeed if you try again shortly.' : '';
  return {
    content: [{ type: 'text', text: `Error ${error.code}: ${message}${retry}` }],
    isError: true,
  };
}
