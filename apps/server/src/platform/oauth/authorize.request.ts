import { AppError } from '@tableport/contracts';
import type { ClientDirectory } from './clients/clients.directory';
import type { OAuthClient } from './clients/clients.schema';
import { oauthError } from './oauth.errors';
import { isS256Challenge } from './oauth.pkce';
import { parseScope } from './oauth.scopes';
import { redirectUriMatches } from './oauth.urls';

/** A valid authorization request (RFC 6749 §4.1.1 with PKCE S256 and RFC 8707). */
export interface AuthorizationRequest {
  client: OAuthClient;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scopes: string[];
  resource: string;
}

/** The outcome: valid, an error to show (never redirected), or an error for the client's redirect URI. */
export type ParsedAuthorization =
  | { kind: 'valid'; request: AuthorizationRequest }
  | { kind: 'show_error'; error: AppError }
  | { kind: 'redirect_error'; redirectUri: string; state: string | undefined; error: AppError };

/** The parameters an authorization request carries (and the consent form carries back). */
export const AUTHORIZATION_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'resource',
] as const;

const single = (params: URLSearchParams, name: string): string | undefined => {
  const values = params.getAll(name);
  if (values.length > 1) throw oauthError('oauth.invalid_request', `${name} is repeated`);
  return values[0];
};

/**
 * Validates an authorization request. Until the client and its redirect URI are known to match, an
 * error is shown to the user, never sent to the URI (RFC 6749 §4.1.2.1: no open redirector).
 */
export async function parseAuthorizationRequest(input: {
  params: URLSearchParams;
  clients: ClientDirectory;
  /** The one resource accepted: the canonical URL of `/mcp`. */
  resource: string;
}): Promise<ParsedAuthorization> {
  const { params } = input;
  let client: OAuthClient;
  let redirectUri: string;
  try {
    const clientId = single(params, 'client_id');
    if (!clientId) throw oauthError('oauth.invalid_request', 'client_id is missing');
    client = await input.clients.find(clientId);
    const given = single(params, 'redirect_uri');
    if (given === undefined && client.redirectUris.length !== 1)
      throw oauthError('oauth.invalid_request', 'redirect_uri is missing');
    redirectUri = given ?? client.redirectUris[0]!;
    if (!redirectUriMatches(client.redirectUris, redirectUri))
      throw oauthError('oauth.invalid_request', 'redirect_uri is not one the client registered');
  } catch (error) {
    if (AppError.isInstance(error)) return { kind: 'show_error', error };
    throw error;
  }
  let state: string | undefined;
  try {
    state = single(params, 'state');
    return { kind: 'valid', request: { client, redirectUri, state, ...checkFlow(params, input.resource) } };
  } catch (error) {
    if (AppError.isInstance(error)) return { kind: 'redirect_error', redirectUri, state, error };
    throw error;
  }
}

function checkFlow(params: URLSearchParams, expectedResource: string) {
  if (single(params, 'response_type') !== 'code')
    throw oauthError('oauth.unsupported_response_type', 'response_type must be code');
  const codeChallenge = single(params, 'code_challenge');
  if (!codeChallenge || !isS256Challenge(codeChallenge))
    throw oauthError('oauth.invalid_request', 'code_challenge is required (PKCE, 43 base64url characters)');
  if (single(params, 'code_challenge_method') !== 'S256')
    throw oauthError('oauth.invalid_request', 'code_challenge_method must be S256');
  const resource = single(params, 'resource');
  if (resource !== expectedResource)
    throw oauthError('oauth.invalid_target', `resource must be ${expectedResource} (RFC 8707)`);
  return { codeChallenge, resource, scopes: parseScope(single(params, 'scope')) };
}

/** The client's redirect URI with the response parameters added (its own query kept). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
