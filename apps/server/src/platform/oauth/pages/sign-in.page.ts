import { html } from 'hono/html';
import { alert, layout, type Markup } from './page.layout';

/** The sign-in form shown when an authorization request arrives without a session. */
export function signInPage(input: {
  /** The authorization request to come back to (a path under /oauth/authorize). */
  returnTo: string;
  clientName: string;
  error?: string;
  email?: string;
}): Markup {
  return layout({
    title: 'Sign in',
    body: html`<h1>Sign in to Tableport</h1>
      <p>
        <strong>${input.clientName}</strong> wants to connect to your Tableport data. Sign in to continue.
      </p>
      ${alert(input.error)}
      <form method="post" action="/oauth/sign-in">
        <input type="hidden" name="return_to" value="${input.returnTo}" />
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          autofocus
          value="${input.email ?? ''}"
        />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="actions"><button type="submit">Sign in</button></div>
      </form>`,
  });
}

/** A request that cannot go on: shown to the user, never redirected to an unverified URI. */
export function errorPage(input: { message: string }): Markup {
  return layout({
    title: 'Authorization failed',
    body: html`<h1>This connection request cannot continue</h1>
      ${alert(input.message)}
      <p>Go back to the application and start connecting again.</p>`,
  });
}
