import { html } from 'hono/html';
import type { AuthorizationRequest } from '../authorize.request';
import { SCOPE_WORDS } from '../oauth.scopes';
import { alert, layout, type Markup } from './page.layout';

/** What the consent page shows and carries back. */
export interface ConsentView {
  request: AuthorizationRequest;
  /** The original request's parameters, posted back as hidden fields and validated again. */
  params: URLSearchParams;
  csrfToken: string;
  userEmail: string;
  error?: string;
}

/** How the page names a client: its own name, else the host it lives at. */
export function clientLabel(request: Pick<AuthorizationRequest, 'client'>): string {
  const { client } = request;
  if (client.name) return client.name;
  return client.kind === 'metadata_document' ? new URL(client.id).host : 'An application';
}

/** The consent page: who asks, what for (each scope in words, each can be unticked), approve or deny. */
export function consentPage(view: ConsentView): Markup {
  const { request } = view;
  const name = clientLabel(request);
  const identity =
    request.client.kind === 'metadata_document'
      ? html`<dd>${request.client.id}</dd>`
      : html`<dd>Registered itself; the name is not verified</dd>`;
  return layout({
    title: 'Allow access',
    body: html`<h1>Allow ${name} to use your Tableport data?</h1>
      <p>Signed in as <strong>${view.userEmail}</strong>.</p>
      <dl>
        <dt>Application</dt>
        <dd>${name}${request.client.uri ? html` (${request.client.uri})` : ''}</dd>
        <dt>Identified by</dt>
        ${identity}
        <dt>Returns you to</dt>
        <dd>${new URL(request.redirectUri).origin}</dd>
      </dl>
      ${alert(view.error)}
      <form method="post" action="/oauth/authorize">
        <fieldset>
          <legend>It asks to</legend>
          ${request.scopes.map(
            (scope, index) =>
              html`<div class="scope">
                <input type="checkbox" id="scope-${index}" name="scope_granted" value="${scope}" checked />
                <label for="scope-${index}">${SCOPE_WORDS[scope] ?? scope}<code>${scope}</code></label>
              </div>`,
          )}
        </fieldset>
        <p class="note">
          It acts as you and never gets more access than your own roles give you. Untick what it should not
          do.
        </p>
        ${[...view.params].map(([field, value]) => html`<input type="hidden" name="${field}" value="${value}" />`)}
        <input type="hidden" name="csrf_token" value="${view.csrfToken}" />
        <div class="actions">
          <button type="submit" name="decision" value="approve">Allow</button>
          <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
        </div>
      </form>`,
  });
}
