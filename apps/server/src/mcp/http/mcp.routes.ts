import type { AuthInfo, McpHttpHandler } from '@modelcontextprotocol/server';
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv, Principal } from '../../gateway/gateway.types';
import { originGuard } from './mcp.origin';
import {
  PROTECTED_RESOURCE_PATH,
  bearerChallenge,
  protectedResourceMetadata,
  publicOrigin,
} from './protected-resource';

/** The caller of one request, carried to the server factory inside the SDK's pass-through AuthInfo. */
export interface McpCaller {
  principal: Principal;
  requestId?: string;
}

const CALLER = 'tableport.caller';

/** The caller that {@link mountMcpRoutes} stored in a request's AuthInfo. */
export function callerOf(authInfo: AuthInfo | undefined): McpCaller {
  const caller = authInfo?.extra?.[CALLER] as McpCaller | undefined;
  if (!caller?.principal) throw new Error('MCP request reached the server factory without a caller');
  return caller;
}

const toAuthInfo = (caller: McpCaller): AuthInfo => ({
  token: caller.principal.id,
  clientId: caller.principal.id,
  scopes: caller.principal.scopes === 'all' ? ['all'] : [...caller.principal.scopes],
  extra: { [CALLER]: caller },
});

/** Options of {@link mountMcpRoutes}. */
export interface McpRoutesOptions {
  handler: McpHttpHandler;
  allowedOriginHosts: readonly string[];
  publicUrl: string | undefined;
  /** The OAuth issuer for a request that came to `origin`, once the platform's authorization server exists. */
  issuer: (origin: string) => string | undefined;
}

// Scopes the MCP tools use; a token with none of them can do nothing here. Step-up asks for the reads.
const MCP_SCOPES = ['schema.bases:read', 'schema.bases:write', 'data.records:read', 'data.records:write'];
const STEP_UP_SCOPE = 'schema.bases:read data.records:read';

/**
 * Why an authenticated caller is refused at `/mcp` (null: it is not): an OAuth token issued for
 * another resource is invalid here (audience check, RFC 8707 / MCP authorization), and one with
 * none of the tools' scopes gets 403 with the scopes to ask for (WWW-Authenticate step-up).
 */
function oauthRefusal(principal: Principal, resource: string) {
  if (principal.kind !== 'oauth') return null;
  if (principal.audience !== resource)
    return { status: 401, code: 'oauth.invalid_token', params: 'error="invalid_token"' } as const;
  const scopes = principal.scopes === 'all' ? MCP_SCOPES : principal.scopes;
  if (!scopes.some((scope) => MCP_SCOPES.includes(scope) || scope.startsWith('data.recordComments')))
    return {
      status: 403,
      code: 'oauth.insufficient_scope',
      params: `error="insufficient_scope", scope="${STEP_UP_SCOPE}"`,
    } as const;
  return null;
}

/**
 * `/mcp` (Streamable HTTP, both protocol lanes, stateless) behind the Origin check and the
 * gateway's principal, plus the protected resource metadata that a 401 points at.
 */
export function mountMcpRoutes(root: Hono<AppEnv>, options: McpRoutesOptions): void {
  root.use('/mcp', originGuard(options.allowedOriginHosts));
  root.use(
    '/mcp',
    cors({
      origin: (origin) => origin,
      allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'authorization',
        'content-type',
        'accept',
        'mcp-protocol-version',
        'mcp-method',
        'mcp-name',
        'last-event-id',
      ],
      exposeHeaders: ['www-authenticate', 'x-request-id'],
      maxAge: 600,
    }),
  );
  root.on(['GET', 'POST', 'DELETE'], '/mcp', async (c) => {
    const principal = c.get('principal');
    const origin = publicOrigin(options.publicUrl, c.req.url);
    const refusal = principal ? oauthRefusal(principal, `${origin}/mcp`) : null;
    if (refusal) {
      c.header('WWW-Authenticate', bearerChallenge(origin).replace('Bearer ', `Bearer ${refusal.params}, `));
      const message =
        refusal.status === 401
          ? 'The access token was issued for another resource'
          : `The access token has none of the scopes the MCP tools need; ask for ${STEP_UP_SCOPE}`;
      return c.json(
        { error: { code: refusal.code, message, requestId: c.get('requestId') } },
        refusal.status,
      );
    }
    if (!principal) {
      // RFC 6750 §3.1: a token was sent but is unknown, expired or revoked.
      const invalid = c.req.header('authorization') ? 'error="invalid_token", ' : '';
      c.header('WWW-Authenticate', bearerChallenge(origin).replace('Bearer ', `Bearer ${invalid}`));
      return c.json(
        {
          error: {
            code: 'auth.required',
            message: 'Authentication required: send Authorization: Bearer <API key or OAuth access token>.',
            requestId: c.get('requestId'),
          },
        },
        401,
      );
    }
    const authInfo = toAuthInfo({ principal, requestId: c.get('requestId') });
    return options.handler.fetch(c.req.raw, { authInfo });
  });
  root.get(PROTECTED_RESOURCE_PATH, (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    const origin = publicOrigin(options.publicUrl, c.req.url);
    return c.json(protectedResourceMetadata({ origin, issuer: options.issuer(origin) }));
  });
}
