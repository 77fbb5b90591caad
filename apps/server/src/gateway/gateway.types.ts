import type { Context } from 'hono';
import type { Logger } from '../infra/log/logger';

/** Who is calling. The platform module adds users, API keys and OAuth tokens; the admin token is built in. */
export interface Principal {
  kind: 'admin' | 'session' | 'api_key' | 'oauth';
  /** `admin`, or the id of the user, key or token. */
  id: string;
  /** The person behind the call (`usr…`), null for the admin token. */
  userId: string | null;
  /** Airtable-style scopes, or 'all' for the admin token. */
  scopes: 'all' | readonly string[];
  /** Bases a key is restricted to; undefined = no restriction. */
  baseIds?: readonly string[];
  /** The resource an OAuth access token was issued for (RFC 8707); its surface must match it. */
  audience?: string;
}

/**
 * The request's logger (the request id bound), undefined outside the gateway. Made on first use: most requests log only their
 * access line, and a pino child costs more than the rest of the request's middleware.
 */
export function requestLogger(c: Context<AppEnv>): Logger | undefined {
  let logger = c.get('logger');
  if (!logger) {
    // Undefined outside the gateway's middleware (a bare sub-app in a test).
    logger = c.get('rootLogger')?.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
  }
  return logger;
}

/** Reads credentials from a request; returns null when they are not its kind, throws when they are invalid. */
export type Authenticator = (request: Request) => Promise<Principal | null>;

/** Hono environment shared by every route. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The process logger; handlers log through {@link requestLogger}, which binds the request id. */
    rootLogger: Logger;
    /** The request's child logger, made on first use by {@link requestLogger}. */
    logger: Logger | undefined;
    principal: Principal | null;
    /** Set when TABLEPORT_TRUSTED_PROXIES is: which peers may name the client (see clientAddress). */
    trustedProxy: ((address: string) => boolean) | undefined;
  };
}

/** One dependency checked by /readyz. */
export interface ReadinessCheck {
  name: string;
  /** Resolves with latency (ms) and an optional detail; throws when down. */
  check(): Promise<{ latencyMs: number; detail?: string }>;
}

/** The `WWW-Authenticate` value every 401 under `pathPrefix` carries (missing, invalid or expired credentials). */
export interface AuthChallenge {
  pathPrefix: string;
  header: (requestUrl: string) => string;
}

/** A surface with its own error format (`/v0` answers Airtable's JSON), used for errors raised before its routes. */
export interface PathErrorHandler {
  pathPrefix: string;
  handle: (error: unknown, c: Context<AppEnv>) => Response;
}
