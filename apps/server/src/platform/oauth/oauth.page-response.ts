import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../gateway/gateway.types';
import { pageCsp, type Markup } from './pages/page.layout';
import { errorPage } from './pages/sign-in.page';

/** Answers with one of the OAuth pages: never cached, its own CSP (forms may land on `formTargets`). */
export async function pageResponse(
  c: Context<AppEnv>,
  input: { page: Markup; status?: ContentfulStatusCode; formTargets?: readonly string[] },
): Promise<Response> {
  c.header('Content-Security-Policy', pageCsp(input.formTargets));
  c.header('Cache-Control', 'no-store');
  return c.html(await input.page, input.status ?? 200);
}

/** A redirect that is never cached (303 after a form post, so the browser follows with GET). */
export function redirectResponse(location: string, status: 302 | 303): Response {
  return new Response(null, { status, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

/**
 * The form a page posted, or the 400 error page when the body is not one (another content type, or
 * a broken multipart body): `formData()` throws on those, which is the sender's fault, not a 500.
 */
export async function postedForm(c: Context<AppEnv>): Promise<FormData | Response> {
  try {
    return await c.req.formData();
  } catch {
    const message = 'The form could not be read: send it as application/x-www-form-urlencoded';
    return pageResponse(c, { page: errorPage({ message }), status: 400 });
  }
}
