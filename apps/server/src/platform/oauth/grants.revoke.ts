import { hashToken } from '../tokens';
import type { GrantDeps } from './grants.codes';
import { revokeGrant } from './grants.tokens';

/** A revocation request (RFC 7009); public clients identify themselves by client_id. */
export interface Revocation {
  token: string;
  clientId: string;
  ip: string | null;
}

interface Row {
  grant_id: string;
  kind: 'access' | 'refresh';
  client_id: string;
  user_id: string;
}

/**
 * Revokes a token of the client (RFC 7009 §2.1): a refresh token ends its whole grant (every token
 * of the family), an access token ends itself. Unknown tokens, or tokens of another client, change
 * nothing and answer the same (§2.2), so the endpoint tells nothing about a token it is shown.
 */
export async function revokeToken(deps: GrantDeps, input: Revocation): Promise<void> {
  const hash = hashToken(input.token);
  const found = await deps.db.query<Row>(
    `SELECT t.grant_id, t.kind, g.client_id, g.user_id FROM oauth_tokens t
       JOIN oauth_grants g ON g.id = t.grant_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND g.revoked_at IS NULL`,
    [hash],
  );
  const row = found.rows[0];
  if (!row || row.client_id !== input.clientId) return;
  await deps.db.transaction(async (tx) => {
    if (row.kind === 'refresh') await revokeGrant(tx, row.grant_id);
    else await tx.query('UPDATE oauth_tokens SET revoked_at = now() WHERE token_hash = $1', [hash]);
    await deps.audit.record(
      {
        action: 'oauth.token_revoked',
        actor: { kind: 'oauth', id: row.grant_id, userId: row.user_id, channel: 'api' },
        ip: input.ip,
        target: { type: 'oauth_grant', id: row.grant_id },
        details: { tokenKind: row.kind, revoked: row.kind === 'refresh' ? 'grant' : 'token' },
      },
      { tx },
    );
  });
}
