import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppConfig } from '../../config';
import type { AppEnv, Authenticator } from '../../gateway/gateway.types';
import type { Database } from '../../infra/db';
import type { OutboundFetch } from '../../infra/http';
import type { Kv } from '../../infra/kv';
import type { AuditLog } from '../audit/audit.types';
import type { Auth } from '../auth/better-auth';
import { mountAuthorizeRoutes } from './authorize.routes';
import { createClientDirectory } from './clients/clients.directory';
import { createConsentCsrf } from './consent.csrf';
import { oauthAuthenticator } from './oauth.authenticator';
import type { OAuthDeps } from './oauth.types';
import { issuerOf } from './oauth.urls';
import { mountRegisterRoutes } from './register.routes';
import { mountSignInRoute } from './sign-in.routes';
import { mountTokenRoutes } from './token.routes';

/** What the authorization server is built from. */
export interface OAuthServerOptions {
  config: Pick<AppConfig, 'server'>;
  db: Database;
  kv: Kv;
  /** The outbound guard: Client ID Metadata Documents are fetched through it. */
  outbound: OutboundFetch;
  secretKey: string;
  audit: AuditLog;
  auth: Auth;
}

/** The OAuth 2.1 authorization server for MCP clients: its authenticator, routes and issuer. */
export interface OAuthServer {
  authenticator: Authenticator;
  mount(root: Hono<AppEnv>): void;
  /** The issuer for a request that arrived at `origin` (TABLEPORT_URL wins). */
  issuer: (origin: string) => string;
}

const CLIENT_ENDPOINTS = ['/oauth/token', '/oauth/register', '/oauth/revoke'];

/**
 * Builds the authorization server: RFC 8414 metadata, authorization code with PKCE S256 and
 * RFC 8707 resource (the `/mcp` URL), the sign-in and consent pages, the token endpoint with
 * refresh rotation, RFC 7591 registration, Client ID Metadata Documents and RFC 7009 revocation.
 */
export function createOAuthServer(options: OAuthServerOptions): OAuthServer {
  const publicUrl = options.config.server.publicUrl;
  const deps: OAuthDeps = {
    config: options.config,
    db: options.db,
    audit: options.audit,
    auth: options.auth,
    rateLimiter: options.kv.rateLimiter,
    clients: createClientDirectory({ db: options.db, cache: options.kv.cache, fetch: options.outbound }),
    csrf: createConsentCsrf(options.secretKey),
    trustedOrigins: [...options.config.server.corsOrigins, ...(publicUrl ? [publicUrl] : [])],
  };
  return {
    authenticator: oauthAuthenticator({ db: options.db }),
    issuer: (origin) => issuerOf(publicUrl, origin),
    mount(root) {
      // Browser-based MCP clients call these cross-origin; they carry no cookies.
      const clientCors = cors({
        origin: '*',
        allowMethods: ['POST', 'OPTIONS'],
        allowHeaders: ['content-type', 'authorization', 'mcp-protocol-version'],
        maxAge: 600,
      });
      for (const path of CLIENT_ENDPOINTS) root.use(path, clientCors);
      mountRegisterRoutes(root, deps);
      mountAuthorizeRoutes(root, deps);
      mountSignInRoute(root, deps);
      mountTokenRoutes(root, deps);
    },
  };
}
