import { createHash } from 'node:crypto';
import { AppError } from '@tableport/contracts';
import { z } from 'zod';

/** What a cursor is bound to: the tool and the query (the arguments other than the cursor). */
export interface CursorScope {
  tool: string;
  query: unknown;
}

const fingerprint = (scope: CursorScope) =>
  createHash('sha256')
    .update(scope.tool)
    .update('\0')
    .update(JSON.stringify(scope.query))
    .digest('base64url')
    .slice(0, 16);

const envelope = z.object({ v: z.literal(1), f: z.string(), p: z.unknown() });

const invalid = (tool: string) =>
  new AppError({
    code: 'mcp.invalid_cursor',
    message: `This cursor does not belong to this ${tool} query (different table, filter, sort or fields). Call ${tool} again without a cursor, or with the same arguments as the call that returned it.`,
  });

/** An opaque cursor: the position to resume at, bound to the tool and query that produced it. */
export function encodeCursor(scope: CursorScope, position: unknown): string {
  return Buffer.from(JSON.stringify({ v: 1, f: fingerprint(scope), p: position })).toString('base64url');
}

/** Reads a cursor back; `mcp.invalid_cursor` when it is malformed or from another query. */
export function decodeCursor<T>(scope: CursorScope, cursor: string, position: z.ZodType<T>): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid(scope.tool);
  }
  const parsed = envelope.safeParse(decoded);
  if (!parsed.success || parsed.data.f !== fingerprint(scope)) throw invalid(scope.tool);
  const result = position.safeParse(parsed.data.p);
  if (!result.success) throw invalid(scope.tool);
  return result.data;
}
