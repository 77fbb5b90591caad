import { AppError } from '@tableport/contracts';
import type { Context } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';

/** A JSON object body; an empty body is `{}` (airtable.js sends a JSON content type on GET and DELETE too). */
export async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError({ code: 'request.malformed_json', message: 'The body is not valid JSON', cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError({ code: 'request.invalid', message: 'The body must be a JSON object' });
  }
  return parsed as Record<string, unknown>;
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
