import type { Authenticator } from '../../gateway/gateway.types';
import type { Auth } from './better-auth';
import { assertSameOrigin } from './csrf';

/** The session cookie's name part (`tableport.session_token`, `__Secure-` prefixed over https). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?tableport\.session_token=/;

/**
 * Accepts the better-auth session cookie on `/api/*` (the web app's surface; `/v0` and `/mcp` take
 * Bearer tokens only). Unsafe methods with the cookie must pass the CSRF check first, whatever the
 * session's validity; an unknown or expired session is anonymous.
 */
export function sessionAuthenticator(options: {
  auth: Auth;
  trustedOrigins: readonly string[];
}): Authenticator {
  return async (request) => {
    const cookie = request.headers.get('cookie');
    if (!cookie || !SESSION_COOKIE.test(cookie)) return null;
    if (!new URL(request.url).pathname.startsWith('/api/')) return null;
    assertSameOrigin({ request, trustedOrigins: options.trustedOrigins });
    const found = await options.auth.api.getSession({ headers: request.headers });
    if (!found) return null;
    return { kind: 'session', id: found.session.id, userId: found.user.id, scopes: 'all' };
  };
}
