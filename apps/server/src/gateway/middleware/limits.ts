import { AppError } from '@tableport/contracts';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../gateway.types';

/** Airtable's URL limit: 16,000 characters for the whole URL. */
export const MAX_URL_LENGTH = 16_000;

/** Refuses URLs longer than Airtable allows, with a stable code. */
export function urlLengthLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) {
      throw new AppError({
        code: 'request.url_too_long',
        message: `The URL is ${c.req.url.length} characters; the limit is ${MAX_URL_LENGTH}. Send the parameters in a POST body.`,
        details: { length: c.req.url.length, limit: MAX_URL_LENGTH },
      });
    }
    await next();
  };
}

/** A body-size override for the paths that take larger uploads. */
export interface BodyLimitOverride {
  pattern: RegExp;
  maxBytes: number;
}

/** Caps request bodies (streamed count, not only Content-Length); overrides apply by path. */
export function requestBodyLimit(options: {
  defaultBytes: number;
  overrides?: readonly BodyLimitOverride[];
}): MiddlewareHandler<AppEnv> {
  const make = (maxBytes: number) =>
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new AppError({
          code: 'request.too_large',
          message: `The request body is larger than ${maxBytes} bytes`,
          details: { limitBytes: maxBytes },
        });
      },
    });
  const fallback = make(options.defaultBytes);
  const overrides = (options.overrides ?? []).map((override) => ({
    ...override,
    handler: make(override.maxBytes),
  }));
  return async (c, next) => {
    // No body to count: reading c.req.raw.body here would build a whole fetch Request per GET.
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const override = overrides.find((candidate) => candidate.pattern.test(c.req.path));
    return (override?.handler ?? fallback)(c, next);
  };
}
