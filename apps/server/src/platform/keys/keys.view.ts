/** An API key as the API shows it: never the token, only its first characters. */
export interface KeyView {
  id: string;
  userId: string;
  name: string;
  tokenPrefix: string;
  scopes: string[];
  baseIds: string[] | null;
  rateLimitPerSecond: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A row of api_keys (without the token hash). */
export interface KeyRow {
  id: string;
  user_id: string;
  name: string;
  token_prefix: string;
  scopes: string[];
  base_ids: string[] | null;
  rate_limit_per_second: number | null;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}
/** The columns a key view needs. */
export const COLUMNS = `id, user_id, name, token_prefix, scopes, base_ids, rate_limit_per_second, created_at, last_used_at, expires_at, revoked_at`;
const iso = (value: Date | null) => value?.toISOString() ?? null;
/** The API form of a row. */
export const toView = (row: KeyRow): KeyView => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  tokenPrefix: row.token_prefix,
  scopes: row.scopes,
  baseIds: row.base_ids,
  rateLimitPerSecond: row.rate_limit_per_second,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: iso(row.last_used_at),
  expiresAt: iso(row.expires_at),
  revokedAt: iso(row.revoked_at),
});
