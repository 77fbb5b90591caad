import { AppError } from '@tableport/contracts';
import type { Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import { remoteAddress } from '../api/principal-context';
import { parseClientMetadata } from './clients/clients.schema';
import { oauthError, oauthErrorResponse } from './oauth.errors';
import { OAUTH_SCOPES } from './oauth.scopes';
import type { OAuthDeps } from './oauth.types';
import { AUTHORIZATION_SERVER_METADATA_PATH, issuerOf } from './oauth.urls';

// Registrations per address per hour: enough for any real client, a brake on flooding the table.
const REGISTER_LIMIT = { limit: 20, windowMs: 3_600_000 };

/** RFC 8414 metadata of the authorization server whose issuer is `issuer`. */
export function authorizationServerMetadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    registration_endpoint: `${issuer}/oauth/register`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    scopes_supported: OAUTH_SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
  };
}

/** The metadata document (RFC 8414) and dynamic client registration (RFC 7591, public clients). */
export function mountRegisterRoutes(root: Hono<AppEnv>, deps: OAuthDeps): void {
  root.get(AUTHORIZATION_SERVER_METADATA_PATH, (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(authorizationServerMetadata(issuerOf(deps.config.server.publicUrl, c.req.url)));
  });
  root.post('/oauth/register', async (c) => {
    try {
      const ip = remoteAddress(c);
      const hit = await deps.rateLimiter.hit(`oauth:register:${ip ?? 'unknown'}`, REGISTER_LIMIT);
      if (!hit.allowed)
        throw new AppError({
          code: 'rate_limit.exceeded',
          message: 'Too many client registrations from this address',
          details: { retryAfterSeconds: Math.ceil(hit.retryAfterMs / 1000) },
        });
      const body: unknown = await c.req.json().catch(() => {
        throw oauthError('oauth.invalid_client_metadata', 'The body must be a JSON object');
      });
      const client = await deps.clients.register(parseClientMetadata(body));
      await deps.audit.record({
        action: 'oauth.client_registered',
        actor: { kind: 'system', id: 'anonymous', userId: null, channel: 'api' },
        ip,
        target: { type: 'oauth_client', id: client.id },
        details: { clientName: client.name, redirectUris: client.redirectUris },
      });
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          client_id: client.id,
          client_id_issued_at: Math.floor(Date.now() / 1000),
          ...(client.name ? { client_name: client.name } : {}),
          ...(client.uri ? { client_uri: client.uri } : {}),
          redirect_uris: client.redirectUris,
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        },
        201,
      );
    } catch (error) {
      return oauthErrorResponse(error, c);
    }
  });
}
