import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptionsFor } from '../../mcp/testing/mcp.test-server';
import { startPlatformServer, type PlatformServer } from '../test/platform.harness';
import { browse, consent } from './test/oauth.browserless';
import { startDocumentServer, type DocumentServer } from './test/oauth.https-documents';
import { TestOAuthProvider } from './test/oauth.test-provider';

const REDIRECT = 'http://127.0.0.1:53682/callback';
let server: PlatformServer;
let documents: DocumentServer;

const doc = (fields: Record<string, unknown>) => (origin: string) => ({
  body: JSON.stringify({
    client_id: `${origin}/client.json`,
    client_name: 'Metadata Client',
    client_uri: 'https://client.example',
    redirect_uris: [REDIRECT],
    token_endpoint_auth_method: 'none',
    ...fields,
  }),
});

beforeAll(async () => {
  documents = await startDocumentServer();
  documents.documents.set('/client.json', doc({}));
  documents.documents.set('/other.json', doc({}));
  documents.documents.set('/secret.json', (origin) =>
    doc({ client_id: `${origin}/secret.json`, token_endpoint_auth_method: 'client_secret_basic' })(origin),
  );
  documents.documents.set('/big.json', (origin) =>
    doc({ client_id: `${origin}/big.json`, client_name: 'x'.repeat(6000) })(origin),
  );
  server = await startPlatformServer({
    TABLEPORT_RATE_LIMIT: '0',
    TABLEPORT_OUTBOUND_ALLOW: '127.0.0.1',
    TABLEPORT_OUTBOUND_CA: documents.caFile,
  });
  await server.session('ada@example.com');
});
afterAll(async () => {
  await server.stop();
  await documents.close();
});

/** The authorization URL a client with this client_id would open, with a valid PKCE challenge. */
const authorizeUrl = (clientId: string, redirectUri = REDIRECT) =>
  `/oauth/authorize?${new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    resource: `${server.url}/mcp`,
    state: 's',
  }).toString()}`;

describe('Client ID Metadata Documents', () => {
  it('the official SDK client connects with its document URL as client_id (no registration)', async () => {
    const clientMetadataUrl = `${documents.origin}/client.json`;
    const provider = new TestOAuthProvider({ redirectUrl: REDIRECT, clientMetadataUrl });
    const url = new URL(`${server.url}/mcp`);
    const first = new Client({ name: 'cimd', version: '1.0.0' }, clientOptionsFor('2026-07-28'));
    const transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
    await expect(first.connect(transport)).rejects.toSatisfy((error) => UnauthorizedError.isInstance(error));
    expect(provider.authorizationUrl?.searchParams.get('client_id')).toBe(clientMetadataUrl);
    const { redirect, consentPage } = await consent(server, { authorizationUrl: provider.authorizationUrl! });
    expect(consentPage.html).toContain('Metadata Client');
    expect(consentPage.html).toContain(clientMetadataUrl);
    await transport.finishAuth(redirect.searchParams);
    const client = new Client({ name: 'cimd', version: '1.0.0' }, clientOptionsFor('2026-07-28'));
    await client.connect(new StreamableHTTPClientTransport(url, { authProvider: provider }));
    expect((await client.callTool({ name: 'list_bases', arguments: {} })).isError).toBeFalsy();
    await client.close();
    const registered = await server.app.context.db.query('SELECT id FROM oauth_clients');
    expect(registered.rows).toEqual([]);
    // Fetched once through the outbound guard, then served from the cache.
    expect(documents.fetched.filter((route) => route === '/client.json')).toHaveLength(1);
  });

  it.each([
    ['a document that names another client_id', '/other.json', 'must name itself'],
    ['a confidential client', '/secret.json', 'public client'],
    ['a document over 5 KB', '/big.json', 'larger than'],
    ['a missing document', '/missing.json', 'HTTP 404'],
  ])('refuses %s with a page, never a redirect', async (_name, route, message) => {
    const page = await browse(server, { url: authorizeUrl(`${documents.origin}${route}`) });
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.html).toContain(message);
  });

  it('refuses a redirect URI the document does not list, and loopback addresses not allowed', async () => {
    const wrong = await browse(server, {
      url: authorizeUrl(`${documents.origin}/client.json`, 'https://evil.example/cb'),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.location).toBeNull();
    const port = new URL(documents.origin).port;
    const blocked = await browse(server, { url: authorizeUrl(`https://[::1]:${port}/client.json`) });
    expect(blocked.status).toBe(400);
    expect(blocked.html).toContain('outbound.blocked');
  });
});
