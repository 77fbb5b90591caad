import { AppError } from '@tableport/contracts';
import type { z } from 'zod';
import type { AirtableResponse } from './http.types';

/** Parses JSON text without throwing: `ok: false` when it is not JSON. */
export function safeJsonParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Checks a 2xx body against a tolerant schema; a mismatch is `airtable.invalid_response`. */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  response: AirtableResponse,
  operation: string,
): z.output<Schema> {
  const parsed = schema.safeParse(response.body);
  if (parsed.success) return parsed.data;
  throw new AppError({
    code: 'airtable.invalid_response',
    message: `Airtable answered ${operation} with an unexpected body shape`,
    details: {
      status: response.status,
      issues: parsed.error.issues
        .slice(0, 5)
        .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    },
  });
}
