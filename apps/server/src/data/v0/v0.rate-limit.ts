import { AppError } from '@tableport/contracts';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import type { RateLimiter } from '../../infra/kv';

/** Airtable's lockout after the limit is hit: 30 s of 429s for the base. */
export const V0_LOCKOUT_MS = 30_000;
const BASE_ID = /^app[A-Za-z0-9]{14}$/;

/** The base a `/v0` path names (`/v0/{baseId}/…`, `/v0/meta/bases/{baseId}/…`, `/v0/bases/{baseId}/webhooks…`). */
export function baseIdOfPath(path: string): string | undefined {
  return path.split('/').find((segment) => BASE_ID.test(segment));
}

/**
 * Airtable's per-base rate limit (TABLEPORT_V0_RATE_LIMIT): at most `perSecond` requests to a base
 * in any 1,000 ms (sliding), then every request to it answers 429 RATE_LIMIT_REACHED for 30 s. The
 * counters live in the shared KV, so the limit is exact across nodes with Redis. Like Airtable, the
 * 429 carries no Retry-After. Requests naming no base (whoami, list bases) are not counted.
 */
export function v0RateLimit(options: { rateLimiter: RateLimiter; perSecond: number | undefined }): MiddlewareHandler<AppEnv>[] {
  const limit = options.perSecond;
  if (!limit) return [];
  return [
    async (c, next) => {
      const baseId = baseIdOfPath(c.req.path);
      if (!baseId) return next();
      const result = await options.rateLimiter.hit(`v0:base:${baseId}`, { limit, windowMs: 1000, lockoutMs: V0_LOCKOUT_MS });
      if (!result.allowed) {
        throw new AppError({ code: 'rate_limit.exceeded', message: 'Rate limit exceeded. Please try again later', details: { baseId } });
      }
      return next();
    },
  ];
}
