import { AppError } from '@tableport/contracts';
import { SCOPES } from '../authz/authz.types';

/** Each scope in words, as the consent page shows it. */
export const SCOPE_WORDS: Readonly<Record<string, string>> = {
  'schema.bases:read': 'See your bases, their tables, fields and views',
  'schema.bases:write': 'Create and change bases, tables and fields',
  'data.records:read': 'Read records',
  'data.records:write': 'Create, edit and delete records',
  'data.recordComments:read': 'Read comments on records',
  'data.recordComments:write': 'Add and edit comments on records',
  'webhook:manage': 'Create and manage webhooks',
  'workspacesAndBases:read': 'See your workspaces and their members',
  'workspacesAndBases:write': 'Create workspaces, invite and manage members, share bases',
  'user.email:read': 'See your email address',
  'enterprise.auditLogs:read': 'Read the audit log of workspaces you own',
};

/** Scopes a client may ask for: every Airtable-style scope Tableport knows. */
export const OAUTH_SCOPES: readonly string[] = SCOPES;

// Asked for by clients that want a refresh token; Tableport issues one to every client anyway.
const IGNORED = new Set(['offline_access']);

/**
 * The scopes of a `scope` parameter (space-separated, RFC 6749 §3.3), in Tableport's order. An
 * absent or empty value asks for every scope (the user narrows them on the consent page).
 */
export function parseScope(value: string | undefined): string[] {
  const asked = (value ?? '').split(' ').filter((scope) => scope && !IGNORED.has(scope));
  const unknown = asked.filter((scope) => !OAUTH_SCOPES.includes(scope));
  if (unknown.length > 0) {
    throw new AppError({
      code: 'oauth.invalid_scope',
      message: `Unknown scope ${unknown.join(', ')}; scopes are ${OAUTH_SCOPES.join(' ')}`,
    });
  }
  if (asked.length === 0) return [...OAUTH_SCOPES];
  return OAUTH_SCOPES.filter((scope) => asked.includes(scope));
}
