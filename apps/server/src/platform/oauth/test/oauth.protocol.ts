import { createHash, randomBytes } from 'node:crypto';
import type { Json, PlatformServer } from '../../test/platform.harness';
import { browse, consent, type Page } from './oauth.browserless';

/** The redirect URI test clients register (nothing listens there: the test reads the redirect). */
export const REDIRECT = 'http://127.0.0.1:53682/callback';

/** A PKCE pair (RFC 7636 S256). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** An answer of the token, revocation or registration endpoint; `body` is null unless it is JSON. */
export interface EndpointAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

/** A token response (RFC 6749 §5.1). */
export interface Tokens {
  access_token: string;
  refresh_token: string;
  scope: string;
  token_type: string;
  expires_in: number;
}

const parsed = (text: string): Json => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

const withoutEmpty = (form: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ''));

/** POSTs a raw body with its content type (none when `contentType` is null). */
export async function send(
  server: PlatformServer,
  input: { path: string; body: string; contentType: string | null },
): Promise<EndpointAnswer> {
  const response = await fetch(`${server.url}${input.path}`, {
    method: 'POST',
    headers: input.contentType ? { 'content-type': input.contentType } : {},
    body: input.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: parsed(text) };
}

/**
 * The authorization URL of a test client (S256, the server's /mcp as resource); `extra` overrides
 * parameters, and drops those it sets to ''.
 */
export function authorizationUrl(
  server: PlatformServer,
  input: { clientId: string; challenge: string; extra?: Record<string, string> },
): string {
  const params = withoutEmpty({
    response_type: 'code',
    client_id: input.clientId,
    redirect_uri: REDIRECT,
    code_challenge: input.challenge,
    code_challenge_method: 'S256',
    resource: `${server.url}/mcp`,
    state: 'st4te',
    ...input.extra,
  });
  return `${server.url}/oauth/authorize?${new URLSearchParams(params).toString()}`;
}

/**
 * A test client of one server, speaking the protocol on the wire: registers, authorizes as Ada
 * (who must exist: sign her up first), and calls the token and revocation endpoints.
 */
export function protocolClient(server: PlatformServer) {
  let cookie: string | undefined;
  const post = (path: string, form: Record<string, string>) =>
    send(server, {
      path,
      body: new URLSearchParams(form).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
  const client = {
    post,
    /** Registers a public client (RFC 7591) and returns its client_id. */
    async register(metadata: Record<string, unknown> = {}): Promise<string> {
      const answer = await send(server, {
        path: '/oauth/register',
        body: JSON.stringify({ client_name: 'Protocol client', redirect_uris: [REDIRECT], ...metadata }),
        contentType: 'application/json',
      });
      if (answer.status !== 201) throw new Error(`register: ${answer.status} ${answer.text}`);
      return answer.body.client_id as string;
    },
    /** Opens a URL as Ada's browser (signed in once a flow has signed her in). */
    open(url: string): Promise<Page> {
      return browse(server, { url, cookie });
    },
    /** Signs in (once) and approves (or denies); returns the redirect with code or error, state and iss. */
    async authorize(input: {
      clientId: string;
      challenge: string;
      extra?: Record<string, string>;
      untick?: string[];
      deny?: boolean;
    }): Promise<URL> {
      const result = await consent(server, {
        authorizationUrl: authorizationUrl(server, input),
        cookie,
        untick: input.untick,
        deny: input.deny,
      });
      cookie = result.cookie;
      return result.redirect;
    },
    /** A fresh code and the verifier it was bound to. */
    async code(input: {
      clientId: string;
      untick?: string[];
      extra?: Record<string, string>;
    }): Promise<{ code: string; verifier: string }> {
      const { verifier, challenge } = pkce();
      const redirect = await client.authorize({ ...input, challenge });
      const code = redirect.searchParams.get('code');
      if (!code) throw new Error(`authorize: no code in ${redirect.toString()}`);
      return { code, verifier };
    },
    /** The authorization_code token request; `overrides` replaces (or, as '', drops) parameters. */
    redeem(
      input: { clientId: string; code: string; verifier: string },
      overrides: Record<string, string> = {},
    ) {
      return post(
        '/oauth/token',
        withoutEmpty({
          grant_type: 'authorization_code',
          code: input.code,
          client_id: input.clientId,
          redirect_uri: REDIRECT,
          code_verifier: input.verifier,
          resource: `${server.url}/mcp`,
          ...overrides,
        }),
      );
    },
    /** Authorizes and redeems the code: a fresh token pair. */
    async tokens(input: {
      clientId: string;
      untick?: string[];
      extra?: Record<string, string>;
    }): Promise<Tokens> {
      const answer = await client.redeem({ clientId: input.clientId, ...(await client.code(input)) });
      if (answer.status !== 200) throw new Error(`token: ${answer.status} ${answer.text}`);
      return answer.body as Tokens;
    },
    /** The refresh_token token request. */
    refresh(input: { clientId: string; refreshToken: string }, overrides: Record<string, string> = {}) {
      return post(
        '/oauth/token',
        withoutEmpty({
          grant_type: 'refresh_token',
          refresh_token: input.refreshToken,
          client_id: input.clientId,
          ...overrides,
        }),
      );
    },
    /** RFC 7009 revocation. */
    revoke(input: { clientId: string; token: string; hint?: string }) {
      return post('/oauth/revoke', {
        token: input.token,
        client_id: input.clientId,
        ...(input.hint ? { token_type_hint: input.hint } : {}),
      });
    },
  };
  return client;
}

/**
 * POSTs a JSON-RPC `initialize` (2025-11-25 lane, stateless) to /mcp with the token; `origin` is
 * where the request goes (the server's own URL unless given).
 */
export async function mcpStatus(server: PlatformServer, token: string, origin = server.url) {
  const response = await fetch(`${origin}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    }),
  });
  // A served request may answer with an event stream: only refusals are read.
  const text = response.ok ? (await response.body?.cancel(), '') : await response.text();
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body: parsed(text) };
}
