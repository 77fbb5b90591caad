import { AppError } from '@tableport/contracts';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requestLogger, type AppEnv } from '../../gateway/gateway.types';
import { normaliseError } from '../../gateway/error-handler';

/** The OAuth error codes (codes.platform.ts); the wire `error` is the part after `oauth.`. */
export type OAuthErrorCode =
  | 'oauth.invalid_request'
  | 'oauth.invalid_client'
  | 'oauth.invalid_grant'
  | 'oauth.unsupported_grant_type'
  | 'oauth.unsupported_response_type'
  | 'oauth.invalid_scope'
  | 'oauth.invalid_target'
  | 'oauth.invalid_redirect_uri'
  | 'oauth.invalid_client_metadata'
  | 'oauth.access_denied';

/** An OAuth protocol error as an AppError (stable code, status from the registry). */
export function oauthError(code: OAuthErrorCode, description: string): AppError {
  return new AppError({ code, message: description });
}

/** RFC 6749 §5.2 `error` for any error: its own name for OAuth codes, a close one for the rest. */
export function wireError(error: AppError): string {
  if (error.code.startsWith('oauth.')) return error.code.slice('oauth.'.length);
  if (error.code === 'rate_limit.exceeded') return 'temporarily_unavailable';
  if (error.code.startsWith('request.')) return 'invalid_request';
  return 'server_error';
}

/**
 * The JSON error answer of the token, registration and revocation endpoints (RFC 6749 §5.2,
 * RFC 7591 §3.2.2): `{error, error_description}`, never cached, `Retry-After` on 429.
 */
export function oauthErrorResponse(error: unknown, c: Context<AppEnv>): Response {
  const appError = normaliseError(error);
  if (appError.fault === 'bug') requestLogger(c)?.error({ err: error }, 'oauth endpoint failed');
  const retryAfter = appError.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') c.header('Retry-After', String(Math.ceil(retryAfter)));
  c.header('Cache-Control', 'no-store');
  const description = appError.fault === 'bug' ? 'Unexpected server error' : appError.message;
  return c.json(
    { error: wireError(appError), error_description: description },
    appError.status as ContentfulStatusCode,
  );
}
