import type { Authenticator } from '../../gateway/gateway.types';
import { bearerToken } from '../../gateway/middleware/auth';
import type { SqlExecutor } from '../../infra/db';
import { looksLikeToken } from '../tokens';
import { ACCESS_TOKEN_PREFIX, findAccessToken } from './grants.tokens';

/** Paths OAuth access tokens are good for: the MCP endpoint, the one resource they are issued for. */
const isMcpPath = (pathname: string) => pathname === '/mcp' || pathname.startsWith('/mcp/');

/**
 * Accepts `Authorization: Bearer tpo_…` on `/mcp`: a live access token (looked up by its SHA-256)
 * becomes a `kind: 'oauth'` principal with its user, its scopes and its audience; the authorizer
 * treats it like a key. Elsewhere (`/api`, `/v0`) the token is nobody's, as is an expired or
 * revoked one, so those answer 401. `/mcp` also compares the audience with its own URL.
 */
export function oauthAuthenticator(options: { db: SqlExecutor }): Authenticator {
  return async (request) => {
    const token = bearerToken(request);
    if (!token || !looksLikeToken(token, ACCESS_TOKEN_PREFIX)) return null;
    if (!isMcpPath(new URL(request.url).pathname)) return null;
    const grant = await findAccessToken(options.db, token);
    if (!grant) return null;
    return {
      kind: 'oauth',
      id: grant.grantId,
      userId: grant.userId,
      scopes: grant.scopes,
      audience: grant.resource,
    };
  };
}
