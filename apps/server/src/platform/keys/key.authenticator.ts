import type { Authenticator } from '../../gateway/gateway.types';
import { bearerToken } from '../../gateway/middleware/auth';
import type { SqlExecutor } from '../../infra/db';
import { hashToken, looksLikeToken } from '../tokens';
import { KEY_PREFIX } from './keys.service';

interface Row {
  id: string;
  user_id: string;
  scopes: string[];
  base_ids: string[] | null;
  last_used_at: Date | null;
}

/**
 * Accepts `Authorization: Bearer tpk_…` on every surface (/api, /v0, /mcp). The token is looked up
 * by its SHA-256; a revoked, expired or unknown key is anonymous (routes then answer 401 in their
 * own format). `last_used_at` is written at most once a minute per key.
 */
export function apiKeyAuthenticator(options: { db: SqlExecutor }): Authenticator {
  return async (request) => {
    const token = bearerToken(request);
    if (!token || !looksLikeToken(token, KEY_PREFIX)) return null;
    const result = await options.db.query<Row>(
      `SELECT id, user_id, scopes, base_ids, last_used_at FROM api_keys
       WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      [hashToken(token)],
    );
    const key = result.rows[0];
    if (!key) return null;
    if (!key.last_used_at || Date.now() - key.last_used_at.getTime() > 60_000) {
      await options.db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [key.id]);
    }
    return {
      kind: 'api_key',
      id: key.id,
      userId: key.user_id,
      scopes: key.scopes,
      ...(key.base_ids ? { baseIds: key.base_ids } : {}),
    };
  };
}
