import { localhostAllowedOrigins, validateOriginHeader } from '@modelcontextprotocol/server';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';

const hostnameOf = (value: string): string => {
  try {
    return new URL(value).hostname;
  } catch {
    return value.toLowerCase();
  }
};

/**
 * Browser origins allowed to call `/mcp` (host names, port-agnostic like the SDK's helper):
 * localhost, the public URL's host, and TABLEPORT_MCP_ALLOWED_ORIGINS. The request's own Host is
 * never trusted: under DNS rebinding it is the attacker's name.
 */
export function allowedOriginHosts(input: { publicUrl?: string; configured: readonly string[] }): string[] {
  const hosts = [...localhostAllowedOrigins(), ...input.configured.map(hostnameOf)];
  if (input.publicUrl) hosts.push(hostnameOf(input.publicUrl));
  return [...new Set(hosts)];
}

/**
 * MCP's Streamable HTTP transport MUST validate `Origin`: a present origin that is not allowed gets
 * 403 (a JSON-RPC error naming our code); requests without one are not from a browser and pass.
 */
export function originGuard(allowedHosts: readonly string[]): MiddlewareHandler<AppEnv> {
  const hosts = [...allowedHosts];
  return async (c, next) => {
    const result = validateOriginHeader(c.req.header('origin'), hosts);
    if (result.ok) return next();
    return c.json(
      {
        jsonrpc: '2.0',
        id: null,
        error: {
          code: -32000,
          message: `Forbidden: the Origin ${c.req.header('origin') ?? ''} may not call this MCP server (set TABLEPORT_MCP_ALLOWED_ORIGINS to allow it).`,
          data: { code: 'auth.origin_forbidden', requestId: c.get('requestId') },
        },
      },
      403,
    );
  };
}
