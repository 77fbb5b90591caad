import type {
  OAuthClientMetadata,
  OAuthClientProvider,
  OAuthDiscoveryState,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from '@modelcontextprotocol/client';

/**
 * An `OAuthClientProvider` for tests, in memory like a desktop client's store: it records the
 * authorization URL it is sent to (the test plays the browser) and keeps the verifier, discovery
 * state, client information and tokens between the two legs of the flow.
 */
export class TestOAuthProvider implements OAuthClientProvider {
  authorizationUrl: URL | undefined;
  saved: { client?: StoredOAuthClientInformation; tokens?: StoredOAuthTokens; tokenSaves: number } = {
    tokenSaves: 0,
  };
  private verifier = '';
  private discovery: OAuthDiscoveryState | undefined;

  constructor(private readonly options: { redirectUrl: string; clientMetadataUrl?: string; name?: string }) {}

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  get clientMetadataUrl(): string | undefined {
    return this.options.clientMetadataUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.options.name ?? 'Test MCP client',
      redirect_uris: [this.options.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state(): string {
    return 'state-xyz';
  }

  clientInformation() {
    return this.saved.client;
  }

  saveClientInformation(information: StoredOAuthClientInformation): void {
    this.saved.client = information;
  }

  tokens() {
    return this.saved.tokens;
  }

  saveTokens(tokens: StoredOAuthTokens): void {
    this.saved.tokens = tokens;
    this.saved.tokenSaves++;
  }

  redirectToAuthorization(authorizationUrl: URL): void {
    this.authorizationUrl = authorizationUrl;
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.verifier = codeVerifier;
  }

  codeVerifier(): string {
    return this.verifier;
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovery;
  }

  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): void {
    if (scope === 'all' || scope === 'tokens') this.saved.tokens = undefined;
    if (scope === 'all' || scope === 'client') this.saved.client = undefined;
    if (scope === 'all' || scope === 'discovery') this.discovery = undefined;
  }
}
