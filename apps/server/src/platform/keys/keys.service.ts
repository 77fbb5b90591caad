import { AppError, newId, type Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import { SCOPES } from '../authz/authz.types';
import { generateToken, hashToken } from '../tokens';
import { COLUMNS, toView, type KeyRow as Row, type KeyView } from './keys.view';

export type { KeyView } from './keys.view';

/** What a new key may carry. */
export interface NewKey {
  userId: string;
  name: string;
  scopes: readonly string[];
  baseIds?: readonly string[] | null;
  expiresAt?: Date | null;
  rateLimitPerSecond?: number | null;
  actor: Actor;
}

/** Personal access tokens: create (token returned once), list, revoke. */
export interface KeyService {
  create(input: NewKey): Promise<{ key: KeyView; token: string }>;
  /** A user's keys; null = every key (admin). */
  list(userId: string | null): Promise<KeyView[]>;
  get(id: string): Promise<KeyView>;
  revoke(input: { id: string; actor: Actor }): Promise<void>;
}

/** The token prefix of API keys. */
export const KEY_PREFIX = 'tpk_';

const notFound = (id: string) => new AppError({ code: 'key.not_found', message: `No API key ${id}` });

/** Throws `key.invalid_scope` unless every scope is known. */
export function assertScopes(scopes: readonly string[]): void {
  const unknown = scopes.filter((scope) => !SCOPES.includes(scope));
  if (unknown.length === 0 && scopes.length > 0) return;
  throw new AppError({
    code: 'key.invalid_scope',
    message: unknown.length > 0 ? `Unknown scope ${unknown.join(', ')}` : 'A key needs at least one scope',
    details: { scopes: SCOPES },
  });
}

/** Builds the key service. */
export function createKeyService(options: { db: Database; audit: AuditLog }): KeyService {
  const { db, audit } = options;
  const get = async (id: string) => {
    const result = await db.query<Row>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    if (!result.rows[0]) throw notFound(id);
    return toView(result.rows[0]);
  };
  return {
    async create(input) {
      assertScopes(input.scopes);
      const token = generateToken(KEY_PREFIX);
      const id = newId('key');
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO api_keys (id, user_id, name, token_hash, token_prefix, scopes, base_ids, rate_limit_per_second, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            id,
            input.userId,
            input.name,
            hashToken(token),
            token.slice(0, KEY_PREFIX.length + 4),
            [...new Set(input.scopes)],
            input.baseIds ? [...new Set(input.baseIds)] : null,
            input.rateLimitPerSecond ?? null,
            input.expiresAt ?? null,
          ],
        );
        await audit.record(
          {
            action: 'key.created',
            actor: input.actor,
            target: { type: 'api_key', id },
            details: {
              name: input.name,
              userId: input.userId,
              scopes: input.scopes,
              baseIds: input.baseIds ?? null,
            },
          },
          { tx },
        );
      });
      return { key: await get(id), token };
    },
    async list(userId) {
      const result = userId
        ? await db.query<Row>(`SELECT ${COLUMNS} FROM api_keys WHERE user_id = $1 ORDER BY created_at`, [
            userId,
          ])
        : await db.query<Row>(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at`);
      return result.rows.map(toView);
    },
    get,
    async revoke({ id, actor }) {
      await db.transaction(async (tx) => {
        const result = await tx.query(
          'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
          [id],
        );
        if (result.rowCount === 0) throw notFound(id);
        await audit.record({ action: 'key.revoked', actor, target: { type: 'api_key', id } }, { tx });
      });
    },
  };
}
