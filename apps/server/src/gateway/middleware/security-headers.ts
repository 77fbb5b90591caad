import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../gateway.types';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** The headers of the web app, its docs and its pages (helmet's set, with a CSP for the web app). */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', CSP],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-site'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * The headers of the JSON surfaces (`/api/v1`, `/v0`, `/mcp`), after OWASP's REST Security Cheat
 * Sheet: their answers are never rendered as pages, so the HTML-oriented part of helmet's set
 * (XSS filter, DNS prefetch, download options, cross-domain policies, agent clusters) buys nothing,
 * and the policy forbids everything a browser could do with a body.
 */
export const API_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

const API_PREFIXES = ['/api/v1/', '/v0/', '/mcp'];

/** The header set of a request path. */
export function securityHeadersFor(path: string): readonly (readonly [string, string])[] {
  return API_PREFIXES.some((prefix) => path.startsWith(prefix)) ? API_SECURITY_HEADERS : SECURITY_HEADERS;
}

/** The Node response under @hono/node-server; absent under `app.request()` in tests. */
export const nodeResponse = (c: Parameters<MiddlewareHandler<AppEnv>>[0]): ServerResponse | undefined =>
  (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;

/**
 * Sets the security headers. On the Node server they go straight onto the ServerResponse (which
 * `writeHead` merges with the Response's own headers): a fetch `Headers.set` per header per request
 * costs more than the rest of the stack. A header a route sets itself wins.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const headers = securityHeadersFor(c.req.path);
    const outgoing = nodeResponse(c);
    if (outgoing) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
