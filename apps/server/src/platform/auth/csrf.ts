import { AppError } from '@tableport/contracts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Options of {@link assertSameOrigin}. */
export interface SameOriginOptions {
  request: Request;
  /** Origins allowed besides the server's own (TABLEPORT_URL, TABLEPORT_CORS_ORIGINS). */
  trustedOrigins: readonly string[];
}

/**
 * CSRF defence for cookie-authenticated requests (OWASP's Fetch Metadata + Origin checks). Unsafe
 * methods pass when `Origin` is the server's own or a trusted origin; without `Origin`, when
 * `Sec-Fetch-Site` is `same-origin`; with neither header the client is not a browser (browsers send
 * `Origin` on every cross-origin POST), and SameSite=Lax already keeps the cookie off cross-site
 * POSTs. Bearer requests never reach this: they carry no ambient credentials.
 */
export function assertSameOrigin(options: SameOriginOptions): void {
  const { request } = options;
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const own = new URL(request.url).origin;
  if (origin !== null) {
    if (origin === own || options.trustedOrigins.includes(origin)) return;
    throw refused(`Origin ${origin} may not use this session`);
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin') return;
  throw refused('Cross-site request with a session cookie');
}

const refused = (message: string) =>
  new AppError({ code: 'auth.origin_forbidden', message: `${message} (CSRF protection)` });
