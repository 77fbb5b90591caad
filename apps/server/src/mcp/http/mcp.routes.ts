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
  /** The OAuth issuer, once the platform's authorization server exists. */
  issuer: () => string | undefined;
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
    if (!principal) {
      c.header('WWW-Authenticate', bearerChallenge(publicOrigin(options.publicUrl, c.req.url)));
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
    return c.json(protectedResourceMetadata({ origin, issuer: options.issuer() }));
  });
}
