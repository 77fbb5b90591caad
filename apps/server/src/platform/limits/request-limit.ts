import { AppError } from '@tableport/contracts';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Principal } from '../../gateway/gateway.types';
import type { RateLimiter } from '../../infra/kv';
import type { SqlExecutor } from '../../infra/db';

/** Options of {@link principalRateLimit}. */
export interface PrincipalRateLimitOptions {
  rateLimiter: RateLimiter;
  db: SqlExecutor;
  /** Requests per second per user (all their sessions) and per API key; 0 = off. */
  perSecond: number;
}

/**
 * Per-user and per-key rate limit (sliding 1 s window on the shared KV, so exact across nodes with
 * Redis). A key may carry its own limit. The admin token and anonymous requests are not counted here.
 */
export function principalRateLimit(options: PrincipalRateLimitOptions): MiddlewareHandler<AppEnv> {
  const keyLimits = new Map<string, { limit: number | null; at: number }>();
  const limitOf = async (principal: Principal): Promise<number> => {
    if (principal.kind !== 'api_key') return options.perSecond;
    const cached = keyLimits.get(principal.id);
    if (cached && Date.now() - cached.at < 60_000) return cached.limit ?? options.perSecond;
    const result = await options.db.query<{ limit: number | null }>(
      'SELECT rate_limit_per_second AS "limit" FROM api_keys WHERE id = $1',
      [principal.id],
    );
    const limit = result.rows[0]?.limit ?? null;
    keyLimits.set(principal.id, { limit, at: Date.now() });
    return limit ?? options.perSecond;
  };
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal || principal.kind === 'admin') return next();
    const limit = await limitOf(principal);
    if (limit <= 0) return next();
    const bucket =
      principal.kind === 'session' ? `rl:user:${principal.userId}` : `rl:${principal.kind}:${principal.id}`;
    const result = await options.rateLimiter.hit(bucket, { limit, windowMs: 1000 });
    if (!result.allowed) {
      throw new AppError({
        code: 'rate_limit.exceeded',
        message: `Rate limit exceeded: ${limit} requests per second`,
        details: { retryAfterSeconds: Math.max(1, Math.ceil(result.retryAfterMs / 1000)) },
      });
    }
    return next();
  };
}
