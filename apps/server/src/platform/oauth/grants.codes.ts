import { newId, type Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import { generateToken, hashToken, looksLikeToken } from '../tokens';
import type { OAuthClient } from './clients/clients.schema';
import { oauthError } from './oauth.errors';
import { verifyPkce } from './oauth.pkce';
import { CODE_PREFIX, CODE_TTL_SECONDS, issueTokens, revokeGrant, type TokenSet } from './grants.tokens';

/** Collaborators of the grant functions. */
export interface GrantDeps {
  db: Database;
  audit: AuditLog;
}

/** What the user approved on the consent page. */
export interface Approval {
  userId: string;
  client: OAuthClient;
  scopes: readonly string[];
  resource: string;
  redirectUri: string;
  codeChallenge: string;
  ip: string | null;
}

/** Records the grant and returns a single-use authorization code for it. */
export async function approve(deps: GrantDeps, approval: Approval): Promise<string> {
  const code = generateToken(CODE_PREFIX);
  const grantId = newId('oag');
  const actor: Actor = { kind: 'user', id: approval.userId, userId: approval.userId, channel: 'web' };
  await deps.db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO oauth_grants (id, user_id, client_id, scopes, resource) VALUES ($1, $2, $3, $4, $5)',
      [grantId, approval.userId, approval.client.id, approval.scopes, approval.resource],
    );
    await tx.query(
      `INSERT INTO oauth_codes (code_hash, grant_id, redirect_uri, code_challenge, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [hashToken(code), grantId, approval.redirectUri, approval.codeChallenge, CODE_TTL_SECONDS],
    );
    await deps.audit.record(
      {
        action: 'oauth.consent_granted',
        actor,
        ip: approval.ip,
        target: { type: 'oauth_grant', id: grantId },
        details: { clientId: approval.client.id, clientName: approval.client.name, scopes: approval.scopes },
      },
      { tx },
    );
  });
  return code;
}

/** The token request of the authorization_code grant. */
export interface CodeRedemption {
  code: string;
  clientId: string;
  redirectUri: string | undefined;
  verifier: string;
  resource: string | undefined;
  ip: string | null;
}

interface CodeRow {
  grant_id: string;
  redirect_uri: string;
  code_challenge: string;
  expired: boolean;
  revoked: boolean;
  client_id: string;
  user_id: string;
  scopes: string[];
  resource: string;
}

/**
 * Redeems a code once (RFC 6749 §4.1.3 with PKCE and RFC 8707). The code is spent by the first
 * attempt whatever its outcome; a code presented again revokes every token issued from it.
 */
export async function redeemCode(deps: GrantDeps, input: CodeRedemption): Promise<TokenSet> {
  if (!looksLikeToken(input.code, CODE_PREFIX)) throw oauthError('oauth.invalid_grant', 'Unknown code');
  const hash = hashToken(input.code);
  const outcome = await deps.db.transaction(async (tx) => {
    const spent = await tx.query<CodeRow>(
      `UPDATE oauth_codes c SET used_at = now() FROM oauth_grants g
        WHERE c.code_hash = $1 AND c.used_at IS NULL AND g.id = c.grant_id
        RETURNING c.grant_id, c.redirect_uri, c.code_challenge, c.expires_at < now() AS expired,
                  g.revoked_at IS NOT NULL AS revoked, g.client_id, g.user_id, g.scopes, g.resource`,
      [hash],
    );
    const row = spent.rows[0];
    if (!row) {
      const reused = await tx.query<{ grant_id: string }>(
        'SELECT grant_id FROM oauth_codes WHERE code_hash = $1',
        [hash],
      );
      const grantId = reused.rows[0]?.grant_id;
      if (grantId) await revokeGrant(tx, grantId);
      return { kind: 'reused', grantId: grantId ?? null } as const;
    }
    const refusal = refusalOf(row, input);
    if (refusal) return { kind: 'refused', refusal } as const;
    const tokens = await issueTokens(tx, {
      grantId: row.grant_id,
      grantScopes: row.scopes,
      accessScopes: row.scopes,
    });
    const actor: Actor = { kind: 'oauth', id: row.grant_id, userId: row.user_id, channel: 'api' };
    await deps.audit.record(
      {
        action: 'oauth.token_issued',
        actor,
        ip: input.ip,
        target: { type: 'oauth_grant', id: row.grant_id },
        details: { grantType: 'authorization_code', clientId: row.client_id, scopes: row.scopes },
      },
      { tx },
    );
    return { kind: 'issued', tokens } as const;
  });
  if (outcome.kind === 'issued') return outcome.tokens;
  if (outcome.kind === 'refused') throw outcome.refusal;
  if (outcome.grantId) {
    await deps.audit.record({
      action: 'oauth.code_reused',
      outcome: 'failure',
      actor: { kind: 'system', id: 'oauth', userId: null, channel: 'api' },
      ip: input.ip,
      target: { type: 'oauth_grant', id: outcome.grantId },
      details: { revoked: 'grant' },
    });
  }
  throw oauthError('oauth.invalid_grant', 'Unknown or already used code');
}

function refusalOf(row: CodeRow, input: CodeRedemption) {
  if (row.expired) return oauthError('oauth.invalid_grant', 'The code expired');
  if (row.revoked) return oauthError('oauth.invalid_grant', 'The authorization was revoked');
  if (row.client_id !== input.clientId)
    return oauthError('oauth.invalid_grant', 'The code was issued to another client');
  if (input.redirectUri !== row.redirect_uri)
    return oauthError('oauth.invalid_grant', 'redirect_uri differs from the authorization request');
  if (!verifyPkce({ verifier: input.verifier, challenge: row.code_challenge }))
    return oauthError('oauth.invalid_grant', 'code_verifier does not match the code_challenge (PKCE S256)');
  if (input.resource !== undefined && input.resource !== row.resource)
    return oauthError('oauth.invalid_target', `resource must be ${row.resource}, as authorized`);
  return null;
}
