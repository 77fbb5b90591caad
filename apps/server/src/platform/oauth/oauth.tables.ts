import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * OAuth clients registered dynamically (RFC 7591, `cli…`): public clients only, no secret. Clients
 * that name themselves by a Client ID Metadata Document URL are not stored here (their document is
 * fetched and cached).
 */
export const oauthClients = pgTable('oauth_clients', {
  id: text('id').primaryKey(),
  name: text('name'),
  uri: text('uri'),
  redirectUris: text('redirect_uris').array().notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * One user's approval of one client (`oag…`): the scopes granted and the resource (audience) they
 * hold for. Every code, access and refresh token issued from it is one family: revoking the grant
 * (revocation, refresh-token reuse, code reuse) ends them all.
 */
export const oauthGrants = pgTable(
  'oauth_grants',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A `cli…` id, or the https URL of a Client ID Metadata Document. */
    clientId: text('client_id').notNull(),
    scopes: text('scopes').array().notNull(),
    resource: text('resource').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (table) => [index('oauth_grants_user_idx').on(table.userId)],
);

/** Authorization codes (SHA-256 at rest), single use, bound to the redirect URI and PKCE challenge. */
export const oauthCodes = pgTable('oauth_codes', {
  codeHash: text('code_hash').primaryKey(),
  grantId: text('grant_id')
    .notNull()
    .references(() => oauthGrants.id, { onDelete: 'cascade' }),
  redirectUri: text('redirect_uri').notNull(),
  codeChallenge: text('code_challenge').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

/**
 * Access (`tpo_…`) and refresh (`tpr_…`) tokens, SHA-256 at rest. A refresh token is used once:
 * `used_at` marks it rotated, and presenting it again revokes its grant (reuse detection).
 */
export const oauthTokens = pgTable(
  'oauth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    grantId: text('grant_id')
      .notNull()
      .references(() => oauthGrants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['access', 'refresh'] }).notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    revokedAt: at('revoked_at'),
  },
  (table) => [index('oauth_tokens_grant_idx').on(table.grantId)],
);
