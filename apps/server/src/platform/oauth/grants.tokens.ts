import type { SqlExecutor } from '../../infra/db';
import { generateToken, hashToken } from '../tokens';

/** Prefix of access tokens (opaque, SHA-256 at rest, like API keys). */
export const ACCESS_TOKEN_PREFIX = 'tpo_';
/** Prefix of refresh tokens (rotated on every use). */
export const REFRESH_TOKEN_PREFIX = 'tpr_';
/** Prefix of authorization codes. */
export const CODE_PREFIX = 'tpc_';
/** Access tokens live an hour; the client refreshes them. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;
/** A refresh token lives 30 days from its issue; each refresh issues a new one. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 86_400;
/** Codes are redeemed at once by the client (OAuth 2.1 recommends at most 10 minutes). */
export const CODE_TTL_SECONDS = 120;

/** The token response (RFC 6749 §5.1). */
export interface TokenSet {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/** Issues an access token (with `accessScopes`) and a refresh token (with the grant's scopes). */
export async function issueTokens(
  tx: SqlExecutor,
  input: { grantId: string; grantScopes: readonly string[]; accessScopes: readonly string[] },
): Promise<TokenSet> {
  const access = generateToken(ACCESS_TOKEN_PREFIX);
  const refresh = generateToken(REFRESH_TOKEN_PREFIX);
  await tx.query(
    `INSERT INTO oauth_tokens (token_hash, grant_id, kind, scopes, expires_at) VALUES
       ($1, $3, 'access', $4, now() + make_interval(secs => $6)),
       ($2, $3, 'refresh', $5, now() + make_interval(secs => $7))`,
    [
      hashToken(access),
      hashToken(refresh),
      input.grantId,
      input.accessScopes,
      input.grantScopes,
      ACCESS_TOKEN_TTL_SECONDS,
      REFRESH_TOKEN_TTL_SECONDS,
    ],
  );
  return {
    access_token: access,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    refresh_token: refresh,
    scope: input.accessScopes.join(' '),
  };
}

/** Ends a grant and every token of its family. */
export async function revokeGrant(tx: SqlExecutor, grantId: string): Promise<void> {
  await tx.query('UPDATE oauth_grants SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
    grantId,
  ]);
  await tx.query('UPDATE oauth_tokens SET revoked_at = now() WHERE grant_id = $1 AND revoked_at IS NULL', [
    grantId,
  ]);
}

/** What a valid access token stands for. */
export interface AccessGrant {
  grantId: string;
  userId: string;
  clientId: string;
  scopes: string[];
  resource: string;
}

/** The grant behind a live access token (not expired, not revoked), or null. */
export async function findAccessToken(db: SqlExecutor, token: string): Promise<AccessGrant | null> {
  const result = await db.query<AccessGrant>(
    `SELECT g.id AS "grantId", g.user_id AS "userId", g.client_id AS "clientId", t.scopes, g.resource
       FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id
      WHERE t.token_hash = $1 AND t.kind = 'access' AND t.revoked_at IS NULL
        AND g.revoked_at IS NULL AND t.expires_at > now()`,
    [hashToken(token)],
  );
  return result.rows[0] ?? null;
}
