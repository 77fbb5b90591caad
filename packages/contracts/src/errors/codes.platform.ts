import { defineErrorCodes } from './error-spec';

const user = (status: number, description: string) =>
  ({ status, fault: 'user', retryable: false, description }) as const;

/** Codes of the platform module: users, sign-in, workspaces, members, invitations, keys, secrets, mail. */
export const platformErrorCodes = defineErrorCodes({
  'auth.locked_out': {
    status: 429,
    fault: 'user',
    retryable: true,
    description:
      'Too many failed sign-ins for this account or address; wait `details.retryAfterSeconds` (the wait doubles with each lockout, up to 15 minutes).',
    airtable: { type: 'RATE_LIMIT_REACHED', status: 429 },
  },
  'auth.signup_closed': user(
    403,
    'Sign-up is by invitation (TABLEPORT_SIGNUP=invite): ask a workspace owner to invite this email first.',
  ),
  'user.not_found': user(404, 'No user has that id or email.'),
  'user.exists': user(409, 'A user with that email already exists.'),
  'workspace.not_found': user(404, 'The workspace does not exist, or the caller is not a member of it.'),
  'member.not_found': user(404, 'The user is not a member of that workspace (or has no role on that base).'),
  'member.last_owner': user(
    409,
    'A workspace keeps at least one owner: make someone else owner before demoting or removing this one.',
  ),
  'invitation.not_found': user(404, 'The invitation does not exist, or was revoked.'),
  'invitation.expired': user(410, 'The invitation expired; ask for a new one.'),
  'invitation.used': user(409, 'The invitation was already accepted.'),
  'invitation.email_mismatch': user(
    403,
    'The invitation was sent to another email address; sign in as that user to accept it.',
  ),
  'grant.base_not_found': user(404, 'The base does not exist in that workspace.'),
  'key.not_found': user(404, 'The API key does not exist or belongs to someone else.'),
  'key.invalid_scope': user(
    400,
    'A scope is not one Tableport knows; `details.scopes` lists the valid ones.',
  ),
  'secret.not_found': user(404, 'The secret does not exist in that workspace.'),
  'secret.exists': user(409, 'A secret with that name already exists in the workspace.'),
  'secret.undecryptable': {
    status: 500,
    fault: 'operational',
    retryable: false,
    description:
      'A secret cannot be decrypted with TABLEPORT_SECRET_KEY: the key changed without rotation. Set TABLEPORT_SECRET_KEY_PREVIOUS to the old key and restart.',
  },
  'oauth.invalid_request': user(
    400,
    'OAuth: a parameter is missing, repeated or malformed (`error_description` names it); the wire `error` is the part after `oauth.`.',
  ),
  'oauth.invalid_client': user(
    401,
    'OAuth: the client_id is unknown, or its Client ID Metadata Document could not be fetched or is invalid.',
  ),
  'oauth.invalid_grant': user(
    400,
    'OAuth: the code or refresh token is unknown, expired, used, revoked, issued to another client or redirect URI, or the PKCE verifier does not match.',
  ),
  'oauth.unsupported_grant_type': user(
    400,
    'OAuth: only `authorization_code` and `refresh_token` are supported.',
  ),
  'oauth.unsupported_response_type': user(
    400,
    'OAuth: only `response_type=code` (with PKCE S256) is supported.',
  ),
  'oauth.invalid_scope': user(400, 'OAuth: a requested scope is unknown or was not granted.'),
  'oauth.invalid_target': user(
    400,
    "OAuth (RFC 8707): `resource` must be the canonical URL of this server's MCP endpoint (`<origin>/mcp`).",
  ),
  'oauth.invalid_redirect_uri': user(
    400,
    'OAuth: a redirect URI must be https, or http on a loopback address (127.0.0.1, [::1], localhost), with no fragment.',
  ),
  'oauth.invalid_client_metadata': user(
    400,
    'OAuth: the client registration or metadata document is invalid.',
  ),
  'oauth.access_denied': user(403, 'OAuth: the user denied the authorization request.'),
  'oauth.invalid_token': user(
    401,
    'The access token is expired, revoked, or was issued for another resource (audience); get a new one.',
  ),
  'oauth.insufficient_scope': user(
    403,
    'The access token lacks a scope this request needs; `WWW-Authenticate` names the scopes to ask for.',
  ),
  'mail.failed': {
    status: 502,
    fault: 'operational',
    retryable: true,
    description: 'The SMTP server (TABLEPORT_SMTP_URL) refused or could not be reached.',
  },
});
