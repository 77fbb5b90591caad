import type { Actor } from '@tableport/contracts';
import { hashToken, looksLikeToken } from '../tokens';
import type { GrantDeps } from './grants.codes';
import { REFRESH_TOKEN_PREFIX, issueTokens, revokeGrant, type TokenSet } from './grants.tokens';
import { oauthError } from './oauth.errors';

/** The token request of the refresh_token grant. */
export interface RefreshRequest {
  refreshToken: string;
  clientId: string;
  resource: string | undefined;
  /** Narrows the new access token (RFC 6749 §6); never widens the grant. */
  scope: string | undefined;
  ip: string | null;
}

interface GrantRow {
  grant_id: string;
  user_id: string;
  client_id: string;
  scopes: string[];
  resource: string;
}

const unknown = () => oauthError('oauth.invalid_grant', 'Unknown, expired, used or revoked refresh token');

/**
 * Rotates a refresh token (OAuth 2.1 §4.3.1): it is spent and a new pair is issued. Presenting a
 * spent refresh token again is taken as theft, since only one of the two holders can be the client:
 * its whole grant is revoked (every access and refresh token of the family), and audited.
 */
export async function refreshTokens(deps: GrantDeps, input: RefreshRequest): Promise<TokenSet> {
  if (!looksLikeToken(input.refreshToken, REFRESH_TOKEN_PREFIX)) throw unknown();
  const hash = hashToken(input.refreshToken);
  const outcome = await deps.db.transaction(async (tx) => {
    const rotated = await tx.query<GrantRow>(
      `UPDATE oauth_tokens t SET used_at = now() FROM oauth_grants g
        WHERE t.token_hash = $1 AND t.kind = 'refresh' AND t.used_at IS NULL AND t.revoked_at IS NULL
          AND t.expires_at > now() AND g.id = t.grant_id AND g.revoked_at IS NULL AND g.client_id = $2
        RETURNING g.id AS grant_id, g.user_id, g.client_id, g.scopes, g.resource`,
      [hash, input.clientId],
    );
    const row = rotated.rows[0];
    if (!row) {
      const spent = await tx.query<GrantRow>(
        `SELECT g.id AS grant_id, g.user_id FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id
          WHERE t.token_hash = $1 AND t.kind = 'refresh' AND t.used_at IS NOT NULL AND g.revoked_at IS NULL`,
        [hash],
      );
      const reused = spent.rows[0];
      if (reused) await revokeGrant(tx, reused.grant_id);
      return { kind: 'reused', reused: reused ?? null } as const;
    }
    // Thrown inside the transaction: the token is not spent by a request that was refused.
    if (input.resource !== undefined && input.resource !== row.resource)
      throw oauthError('oauth.invalid_target', `resource must be ${row.resource}, as authorized`);
    const accessScopes = narrowed(row.scopes, input.scope);
    const tokens = await issueTokens(tx, { grantId: row.grant_id, grantScopes: row.scopes, accessScopes });
    await deps.audit.record(
      {
        action: 'oauth.token_issued',
        actor: actorOf(row),
        ip: input.ip,
        target: { type: 'oauth_grant', id: row.grant_id },
        details: { grantType: 'refresh_token', clientId: row.client_id, scopes: accessScopes },
      },
      { tx },
    );
    return { kind: 'issued', tokens } as const;
  });
  if (outcome.kind === 'issued') return outcome.tokens;
  if (outcome.reused) {
    await deps.audit.record({
      action: 'oauth.refresh_reused',
      outcome: 'failure',
      actor: actorOf(outcome.reused),
      ip: input.ip,
      target: { type: 'oauth_grant', id: outcome.reused.grant_id },
      details: { revoked: 'grant' },
    });
  }
  throw unknown();
}

const actorOf = (row: Pick<GrantRow, 'grant_id' | 'user_id'>): Actor => ({
  kind: 'oauth',
  id: row.grant_id,
  userId: row.user_id,
  channel: 'api',
});

function narrowed(granted: string[], scope: string | undefined): string[] {
  if (scope === undefined || scope.trim() === '') return granted;
  const asked = scope.split(' ').filter(Boolean);
  const extra = asked.filter((name) => !granted.includes(name));
  if (extra.length > 0) throw oauthError('oauth.invalid_scope', `Not granted: ${extra.join(' ')}`);
  return granted.filter((name) => asked.includes(name));
}
