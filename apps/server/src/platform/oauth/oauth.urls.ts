/** Path of the RFC 8414 authorization server metadata (DESIGN.md fixes it). */
export const AUTHORIZATION_SERVER_METADATA_PATH = '/.well-known/oauth-authorization-server';

/** The issuer: TABLEPORT_URL when set, else the origin the request came to (no trailing slash). */
export function issuerOf(publicUrl: string | undefined, requestUrl: string): string {
  return publicUrl ?? new URL(requestUrl).origin;
}

/** The one resource Tableport issues tokens for (RFC 8707): the canonical URL of its MCP endpoint. */
export function mcpResourceOf(issuer: string): string {
  return `${issuer}/mcp`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

const parse = (value: string): URL | null => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

/**
 * A redirect URI a client may register: https, or http on a loopback host (RFC 8252 §7.3 native
 * apps), absolute, with no fragment and no user info.
 */
export function isAllowedRedirectUri(value: string): boolean {
  const url = parse(value);
  if (!url || url.hash || value.includes('#') || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * True when `given` is one of the registered URIs: an exact string match, except that a loopback
 * redirect may use any port (RFC 8252 §7.3: native apps take an ephemeral port at run time).
 */
export function redirectUriMatches(registered: readonly string[], given: string): boolean {
  if (registered.includes(given)) return true;
  const url = parse(given);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return false;
  return registered.some((candidate) => {
    const other = parse(candidate);
    if (!other || other.protocol !== 'http:' || other.hostname !== url.hostname) return false;
    return other.pathname === url.pathname && other.search === url.search;
  });
}
