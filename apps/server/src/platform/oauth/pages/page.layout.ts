import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup that `hono/html` escaped (or a page part built from it). */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

const CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
main { max-width: 32rem; margin: 0 auto; padding: 1.5rem 2rem; border: 1px solid #8886; border-radius: 12px; }
h1 { font-size: 1.35rem; margin: 0 0 1rem; }
label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
fieldset { border: 1px solid #8886; border-radius: 8px; margin: 1rem 0; padding: .5rem 1rem; }
legend { font-weight: 600; padding: 0 .25rem; }
.scope { display: flex; gap: .6rem; align-items: flex-start; margin: .5rem 0; }
.scope input { margin-top: .3rem; width: 1.1rem; height: 1.1rem; }
.scope label { margin: 0; font-weight: 400; }
.scope code { display: block; font-size: .8rem; opacity: .75; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
button { font: inherit; padding: .55rem 1.2rem; border-radius: 8px; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: inherit; border-color: #8888; }
button:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.alert { border-left: 4px solid #b91c1c; padding: .5rem .75rem; background: #b91c1c1a; }
.note { font-size: .9rem; opacity: .85; }
`;

/** A whole page: one `main`, the page's own small stylesheet, no scripts. */
export function layout(input: { title: string; body: Markup }): Markup {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${input.title} · Tableport</title>
        <style>
          ${raw(CSS)}
        </style>
      </head>
      <body>
        <main>${input.body}</main>
      </body>
    </html>`;
}

/**
 * The Content-Security-Policy of these pages: no scripts at all, and forms that may post here and
 * be redirected to `formTargets` (browsers apply `form-action` to the redirect after a submit).
 */
export function pageCsp(formTargets: readonly string[] = []): string {
  const targets = ["'self'", ...formTargets].join(' ');
  return `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action ${targets}; frame-ancestors 'none'; base-uri 'none'`;
}

/** An alert for the screen reader and the eye, or nothing. */
export function alert(message: string | undefined): Markup | '' {
  return message ? html`<p class="alert" role="alert">${message}</p>` : '';
}
