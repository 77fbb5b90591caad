import { ACTIONS } from '../../platform/authz/authz.types';

/** Path of the RFC 9728 protected resource metadata of `/mcp` (path form, DESIGN.md). */
export const PROTECTED_RESOURCE_PATH = '/.well-known/oauth-protected-resource/mcp';

/** The public origin of the server: TABLEPORT_URL when set, else the origin the request came to. */
export function publicOrigin(publicUrl: string | undefined, requestUrl: string): string {
  return publicUrl ?? new URL(requestUrl).origin;
}

/** `WWW-Authenticate` of a 401 from `/mcp`: where clients discover how to get a token (RFC 9728 §5.1). */
export function bearerChallenge(origin: string): string {
  return `Bearer resource_metadata="${origin}${PROTECTED_RESOURCE_PATH}"`;
}

const SCOPES = [
  ...new Set(Object.values(ACTIONS).flatMap((action): string[] => (action.scope ? [action.scope] : []))),
].sort();

/**
 * The protected resource metadata document of `/mcp`. `authorization_servers` lists the issuer once
 * the platform's OAuth server runs; until then clients use API keys (Bearer).
 */
export function protectedResourceMetadata(input: { origin: string; issuer: string | undefined }) {
  return {
    resource: `${input.origin}/mcp`,
    resource_name: 'Tableport MCP',
    ...(input.issuer ? { authorization_servers: [input.issuer] } : {}),
    bearer_methods_supported: ['header'],
    scopes_supported: SCOPES,
  };
}
