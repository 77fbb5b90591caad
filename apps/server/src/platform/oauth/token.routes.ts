import { AppError } from '@tableport/contracts';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import { remoteAddress } from '../api/principal-context';
import { redeemCode } from './grants.codes';
import { refreshTokens } from './grants.refresh';
import { revokeToken } from './grants.revoke';
import { oauthError, oauthErrorResponse } from './oauth.errors';
import type { OAuthDeps } from './oauth.types';

/** Token requests per address per minute, and failed ones per 10 minutes before a lockout. */
const TOKEN_LIMIT = { limit: 60, windowMs: 60_000 };
const FAILURE_LIMIT = { limit: 20, windowMs: 600_000, lockoutMs: 600_000 };

/** Reads an `application/x-www-form-urlencoded` body (RFC 6749 §3.2), refusing other types. */
export async function formOf(c: Context<AppEnv>): Promise<URLSearchParams> {
  if (!c.req.header('content-type')?.startsWith('application/x-www-form-urlencoded'))
    throw oauthError('oauth.invalid_request', 'Send the parameters as application/x-www-form-urlencoded');
  return new URLSearchParams(await c.req.text());
}

/** One parameter: absent is undefined, repeated is `invalid_request` (RFC 6749 §3.2). */
export function param(form: URLSearchParams, name: string): string | undefined {
  const values = form.getAll(name);
  if (values.length > 1) throw oauthError('oauth.invalid_request', `${name} is repeated`);
  return values[0];
}

const required = (form: URLSearchParams, name: string): string => {
  const value = param(form, name);
  if (!value) throw oauthError('oauth.invalid_request', `${name} is missing`);
  return value;
};

const limited = (retryAfterMs: number) =>
  new AppError({
    code: 'rate_limit.exceeded',
    message: 'Too many token requests from this address; wait and retry',
    details: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
  });

/**
 * `POST /oauth/token` (authorization_code with PKCE; refresh_token with rotation) and
 * `POST /oauth/revoke` (RFC 7009). Public clients name themselves with `client_id`. Each address
 * may make 60 token requests a minute; 20 refused grants in 10 minutes lock it out for 10.
 */
export function mountTokenRoutes(root: Hono<AppEnv>, deps: OAuthDeps): void {
  const { rateLimiter } = deps;
  root.post('/oauth/token', async (c) => {
    const ip = remoteAddress(c);
    const failureKey = `oauth:token-fail:${ip ?? 'unknown'}`;
    try {
      const blockedMs = await rateLimiter.blockedForMs(failureKey);
      if (blockedMs > 0) throw limited(blockedMs);
      const hit = await rateLimiter.hit(`oauth:token:${ip ?? 'unknown'}`, TOKEN_LIMIT);
      if (!hit.allowed) throw limited(hit.retryAfterMs);
      const form = await formOf(c);
      // A missing grant_type is a missing parameter (RFC 6749 §5.2 invalid_request), not an unsupported one.
      const grantType = required(form, 'grant_type');
      const clientId = required(form, 'client_id');
      const resource = param(form, 'resource');
      const tokens =
        grantType === 'authorization_code'
          ? await redeemCode(deps, {
              code: required(form, 'code'),
              clientId,
              redirectUri: param(form, 'redirect_uri'),
              verifier: required(form, 'code_verifier'),
              resource,
              ip,
            })
          : grantType === 'refresh_token'
            ? await refreshTokens(deps, {
                refreshToken: required(form, 'refresh_token'),
                clientId,
                resource,
                scope: param(form, 'scope'),
                ip,
              })
            : unsupported(grantType);
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
      return c.json(tokens);
    } catch (error) {
      if (AppError.isInstance(error) && error.code === 'oauth.invalid_grant')
        await rateLimiter.hit(failureKey, FAILURE_LIMIT);
      return oauthErrorResponse(error, c);
    }
  });
  root.post('/oauth/revoke', async (c) => {
    try {
      const form = await formOf(c);
      await revokeToken(deps, {
        token: required(form, 'token'),
        clientId: required(form, 'client_id'),
        ip: remoteAddress(c),
      });
      c.header('Cache-Control', 'no-store');
      return c.body(null, 200);
    } catch (error) {
      return oauthErrorResponse(error, c);
    }
  });
}

function unsupported(grantType: string): never {
  throw oauthError('oauth.unsupported_grant_type', `grant_type ${grantType} is not supported`);
}
