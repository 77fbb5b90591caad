import { timingSafeEqual, createHash } from 'node:crypto';
import { AppError } from '@tableport/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Authenticator, Principal } from '../gateway.types';

/** The Bearer token of a request, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Accepts `Authorization: Bearer <TABLEPORT_ADMIN_TOKEN>` (constant-time comparison). */
export function adminTokenAuthenticator(adminToken: string | undefined): Authenticator {
  const expected = adminToken ? digest(adminToken) : null;
  return async (request) => {
    const token = bearerToken(request);
    if (!expected || !token) return null;
    return timingSafeEqual(digest(token), expected)
      ? { kind: 'admin', id: 'admin', userId: null, scopes: 'all' }
      : null;
  };
}

/**
 * Runs the authenticators in order and stores the first principal found. Anonymous requests
 * pass through with `principal = null`; routes decide with {@link requirePrincipal}.
 */
export function authenticate(authenticators: readonly Authenticator[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const authenticator of authenticators) {
      const principal = await authenticator(c.req.raw);
      if (principal) {
        c.set('principal', principal);
        break;
      }
    }
    await next();
  };
}

/** The caller, or AppError('auth.required'). */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AppError({ code: 'auth.required', message: 'Authentication required' });
  return principal;
}

/** The caller if it is the admin token, else AppError('auth.forbidden'). */
export function requireAdmin(c: Context<AppEnv>): Principal {
  const principal = requirePrincipal(c);
  if (principal.kind !== 'admin') {
    throw new AppError({ code: 'auth.forbidden', message: 'This operation needs the admin token' });
  }
  return principal;
}
