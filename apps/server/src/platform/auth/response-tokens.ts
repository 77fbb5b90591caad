/** Drops every `token` property, at any depth. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'token')
      .map(([key, inner]) => [key, strip(inner)]),
  );
}

/**
 * The response with session tokens removed from its JSON body. better-auth returns the session
 * token in sign-in, sign-up and get-session bodies (for its bearer plugin); Tableport's browser
 * sessions live only in the httpOnly cookie, so script on the page never sees one.
 */
export function withoutTokens(response: Response, body: unknown): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(strip(body)), { status: response.status, headers });
}
