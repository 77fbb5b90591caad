import { AppError } from '@tableport/contracts';

/** Encodes a value for Redis; `undefined` becomes null, and values JSON cannot carry are refused. */
export function encodeJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value ?? null);
  } catch (error) {
    throw notJson(what, error);
  }
  if (json === undefined) throw notJson(what);
  return json;
}

/** Decodes a payload written by {@link encodeJson}; returns `ok: false` on anything else. */
export function decodeJson(payload: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(payload) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

function notJson(what: string, cause?: unknown): AppError {
  return new AppError({ code: 'internal.unexpected', message: `${what} is not JSON-serialisable`, cause });
}
