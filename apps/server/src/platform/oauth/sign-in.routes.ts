import { AppError } from '@tableport/contracts';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import { assertSameOrigin } from '../auth/csrf';
import { pageResponse, postedForm } from './oauth.page-response';
import type { OAuthDeps } from './oauth.types';
import { errorPage, signInPage } from './pages/sign-in.page';

const RETURN_PREFIX = '/oauth/authorize?';

/**
 * `POST /oauth/sign-in`, the sign-in form of the authorization flow (no script: the pages' CSP
 * allows none). It hands the credentials to better-auth's `/api/auth/sign-in/email` through the
 * app itself, so the per-address limits, account lockout and audit entries of every sign-in apply,
 * then returns to the authorization request with the session cookie.
 */
export function mountSignInRoute(root: Hono<AppEnv>, deps: OAuthDeps): void {
  root.post('/oauth/sign-in', async (c) => {
    try {
      assertSameOrigin({ request: c.req.raw, trustedOrigins: deps.trustedOrigins });
    } catch (error) {
      if (AppError.isInstance(error)) return pageResponse(c, { page: errorPage(error), status: 403 });
      throw error;
    }
    const form = await postedForm(c);
    if (form instanceof Response) return form;
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const returnTo = field('return_to');
    // Only ever back to an authorization request on this server: no open redirect.
    if (!returnTo.startsWith(RETURN_PREFIX) || returnTo.includes('\\'))
      return pageResponse(c, { page: errorPage({ message: 'Unknown return address' }), status: 400 });
    const email = field('email').trim();
    const answer = await relaySignIn(c, { root, email, password: field('password') });
    if (answer.ok) {
      const headers = new Headers({ Location: returnTo, 'Cache-Control': 'no-store' });
      for (const cookie of answer.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
      return new Response(null, { status: 303, headers });
    }
    const retryAfter = answer.headers.get('retry-after');
    const error =
      answer.status === 429
        ? `Too many sign-in attempts. Try again in ${retryAfter ?? 'a few'} seconds.`
        : answer.status === 401 || answer.status === 400
          ? 'Wrong email or password.'
          : `Sign-in failed (HTTP ${answer.status}). Try again.`;
    if (retryAfter) c.header('Retry-After', retryAfter);
    const status = answer.status === 429 ? 429 : 401;
    return pageResponse(c, {
      page: signInPage({ returnTo, clientName: 'An application', error, email }),
      status,
    });
  });
}

async function relaySignIn(
  c: Context<AppEnv>,
  input: { root: Hono<AppEnv>; email: string; password: string },
): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json' });
  for (const name of ['origin', 'user-agent', 'sec-fetch-site']) {
    const value = c.req.header(name);
    if (value) headers.set(name, value);
  }
  const request = new Request(new URL('/api/auth/sign-in/email', c.req.url), {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: input.email, password: input.password }),
  });
  const response = await input.root.fetch(request, c.env);
  await response.body?.cancel();
  return response;
}
