import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../gateway.types';
import { nodeResponse } from './security-headers';

type CorsOptions = Parameters<typeof cors>[0];

/**
 * CORS only where it matters: a request without an `Origin` header is not from a browser, so it
 * skips the middleware (which rewrites the finished Response to add `Vary`, forcing the slow,
 * streaming write path). `fixedHeaders` are still set cheaply on every response (Airtable sends
 * `Access-Control-Allow-Origin: *` to everyone).
 */
export function browserCors(
  options: CorsOptions & { fixedHeaders?: Record<string, string> },
): MiddlewareHandler<AppEnv> {
  const { fixedHeaders = {}, ...corsOptions } = options;
  const handler = cors(corsOptions);
  return async (c, next) => {
    if (c.req.header('origin') !== undefined) return handler(c, next);
    const outgoing = nodeResponse(c);
    for (const [name, value] of Object.entries(fixedHeaders)) {
      if (outgoing) outgoing.setHeader(name, value);
      else c.header(name, value);
    }
    return next();
  };
}
