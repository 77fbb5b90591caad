import { AppError } from '@tableport/contracts';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import { remoteAddress } from '../api/principal-context';
import { assertSameOrigin } from '../auth/csrf';
import {
  AUTHORIZATION_PARAMS,
  parseAuthorizationRequest,
  redirectWith,
  type AuthorizationRequest,
} from './authorize.request';
import { approve } from './grants.codes';
import { wireError } from './oauth.errors';
import { pageResponse, postedForm, redirectResponse } from './oauth.page-response';
import type { OAuthDeps } from './oauth.types';
import { issuerOf, mcpResourceOf } from './oauth.urls';
import { clientLabel, consentPage } from './pages/consent.page';
import { errorPage, signInPage } from './pages/sign-in.page';

const pick = (source: { getAll(name: string): unknown[] }) => {
  const params = new URLSearchParams();
  for (const name of AUTHORIZATION_PARAMS)
    for (const value of source.getAll(name)) if (typeof value === 'string') params.append(name, value);
  return params;
};

/**
 * `/oauth/authorize`: GET validates the request and shows the sign-in form (no session) or the
 * consent page; POST takes the decision from the consent form (same origin, CSRF token bound to the
 * session and request) and redirects to the client with `code` or `error`, `state` and `iss`.
 */
export function mountAuthorizeRoutes(root: Hono<AppEnv>, deps: OAuthDeps): void {
  root.get('/oauth/authorize', async (c) => {
    const url = new URL(c.req.url);
    return respond(c, { deps, params: pick(url.searchParams), decide: undefined });
  });
  root.post('/oauth/authorize', async (c) => {
    try {
      assertSameOrigin({ request: c.req.raw, trustedOrigins: deps.trustedOrigins });
    } catch (error) {
      if (AppError.isInstance(error)) return pageResponse(c, { page: errorPage(error), status: 403 });
      throw error;
    }
    const form = await postedForm(c);
    if (form instanceof Response) return form;
    const field = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
    const decide = {
      decision: field('decision'),
      csrfToken: field('csrf_token'),
      granted: form.getAll('scope_granted').filter((value): value is string => typeof value === 'string'),
    };
    return respond(c, { deps, params: pick(form), decide });
  });
}

type Decision = { decision: string; csrfToken: string; granted: string[] };

async function respond(
  c: Context<AppEnv>,
  input: { deps: OAuthDeps; params: URLSearchParams; decide: Decision | undefined },
): Promise<Response> {
  const { deps, params } = input;
  const issuer = issuerOf(deps.config.server.publicUrl, c.req.url);
  const parsed = await parseAuthorizationRequest({
    params,
    clients: deps.clients,
    resource: mcpResourceOf(issuer),
  });
  if (parsed.kind === 'show_error') return pageResponse(c, { page: errorPage(parsed.error), status: 400 });
  if (parsed.kind === 'redirect_error') {
    const { error } = parsed;
    const location = redirectWith(parsed.redirectUri, {
      error: wireError(error),
      error_description: error.message,
      state: parsed.state,
      iss: issuer,
    });
    return redirectResponse(location, input.decide ? 303 : 302);
  }
  const { request } = parsed;
  const found = await deps.auth.api.getSession({ headers: c.req.raw.headers });
  if (!found) {
    const returnTo = `/oauth/authorize?${params.toString()}`;
    return pageResponse(c, { page: signInPage({ returnTo, clientName: clientLabel(request) }) });
  }
  const session = { id: found.session.id, userId: found.user.id, email: found.user.email };
  const consent = (error?: string) =>
    pageResponse(c, {
      page: consentPage({
        request,
        params,
        csrfToken: deps.csrf.sign({ sessionId: session.id, params }),
        userEmail: session.email,
        error,
      }),
      status: error ? 400 : 200,
      formTargets: [new URL(request.redirectUri).origin],
    });
  if (!input.decide) return consent();
  if (!deps.csrf.verify({ sessionId: session.id, params, token: input.decide.csrfToken }))
    return consent('This form expired or came from another page. Check the request and choose again.');
  return decide(c, { deps, request, issuer, session, decide: input.decide, consent });
}

async function decide(
  c: Context<AppEnv>,
  input: {
    deps: OAuthDeps;
    request: AuthorizationRequest;
    issuer: string;
    session: { userId: string };
    decide: Decision;
    consent: (error?: string) => Promise<Response>;
  },
): Promise<Response> {
  const { deps, request, issuer, session } = input;
  const ip = remoteAddress(c);
  const back = (params: Record<string, string | undefined>) =>
    redirectResponse(
      redirectWith(request.redirectUri, { ...params, state: request.state, iss: issuer }),
      303,
    );
  if (input.decide.decision !== 'approve') {
    await deps.audit.record({
      action: 'oauth.consent_denied',
      actor: { kind: 'user', id: session.userId, userId: session.userId, channel: 'web' },
      ip,
      details: { clientId: request.client.id, clientName: request.client.name },
    });
    return back({ error: 'access_denied', error_description: 'The user denied the request' });
  }
  const scopes = request.scopes.filter((scope) => input.decide.granted.includes(scope));
  if (scopes.length === 0) return input.consent('Choose at least one permission, or deny the request.');
  const code = await approve(deps, {
    userId: session.userId,
    client: request.client,
    scopes,
    resource: request.resource,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    ip,
  });
  return back({ code });
}
