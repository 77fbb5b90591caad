import type { PlatformServer } from '../../test/platform.harness';
import { PASSWORD } from '../../test/platform.harness';

/** A page as the test reads it. */
export interface Page {
  status: number;
  html: string;
  location: string | null;
  cookies: string[];
}

const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields of the first form of a page, and its ticked checkboxes. */
export function formFields(html: string): URLSearchParams {
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="(hidden|checkbox)"[^>]*?name="([^"]+)" value="([^"]*)"/g))
    fields.append(match[2]!, unescape(match[3]!));
  return fields;
}

/** One request as a browser on the server's origin would send it (no redirects followed). */
export async function browse(
  server: PlatformServer,
  input: { url: string; cookie?: string; form?: URLSearchParams; origin?: string },
): Promise<Page> {
  const response = await fetch(new URL(input.url, server.url), {
    method: input.form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(input.cookie ? { cookie: input.cookie } : {}),
      ...(input.form
        ? { 'content-type': 'application/x-www-form-urlencoded', origin: input.origin ?? server.url }
        : {}),
    },
    ...(input.form ? { body: input.form.toString() } : {}),
  });
  return {
    status: response.status,
    html: await response.text(),
    location: response.headers.get('location'),
    cookies: response.headers.getSetCookie().map((line) => line.split(';')[0]!),
  };
}

/**
 * Plays the user in a browser: opens the authorization URL, signs in on the form (unless a session
 * cookie is given), reads the consent page, unticks `untick`, and presses Allow (or Deny). Returns
 * the URL the server redirects to, the consent page and the session cookie.
 */
export async function consent(
  server: PlatformServer,
  input: {
    authorizationUrl: URL | string;
    email?: string;
    cookie?: string;
    untick?: string[];
    deny?: boolean;
  },
): Promise<{ redirect: URL; consentPage: Page; cookie: string }> {
  let cookie = input.cookie;
  let page = await browse(server, { url: String(input.authorizationUrl), cookie });
  if (!cookie) {
    const form = formFields(page.html);
    form.set('email', input.email ?? 'ada@example.com');
    form.set('password', PASSWORD);
    const signedIn = await browse(server, { url: '/oauth/sign-in', form });
    if (signedIn.status !== 303) throw new Error(`sign-in: ${signedIn.status} ${signedIn.html}`);
    cookie = signedIn.cookies.join('; ');
    page = await browse(server, { url: signedIn.location!, cookie });
  }
  if (page.status !== 200) throw new Error(`consent page: ${page.status} ${page.html}`);
  const form = formFields(page.html);
  for (const scope of input.untick ?? []) {
    const kept = form.getAll('scope_granted').filter((value) => value !== scope);
    form.delete('scope_granted');
    for (const value of kept) form.append('scope_granted', value);
  }
  form.set('decision', input.deny ? 'deny' : 'approve');
  const decided = await browse(server, { url: '/oauth/authorize', cookie, form });
  if (decided.status !== 303) throw new Error(`consent: ${decided.status} ${decided.html}`);
  return { redirect: new URL(decided.location!), consentPage: page, cookie };
}
