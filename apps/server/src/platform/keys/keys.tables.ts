import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Personal access tokens (`key…`). The token (`tpk_` + 32 random bytes) is shown once; only its
 * SHA-256 is kept. A key acts as its user, narrowed by Airtable-style scopes and a base allow-list.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, to recognise it in lists (`tpk_AbCd…`). */
    tokenPrefix: text('token_prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    /** Bases the key may touch; null = every base its user may. */
    baseIds: text('base_ids').array(),
    /** Requests per second; null = the instance default. */
    rateLimitPerSecond: integer('rate_limit_per_second'),
    createdAt: at('created_at').notNull().defaultNow(),
    lastUsedAt: at('last_used_at'),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  (table) => [index('api_keys_user_idx').on(table.userId)],
);
