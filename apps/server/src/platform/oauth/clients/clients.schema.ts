import { z } from 'zod';
import { oauthError } from '../oauth.errors';
import { isAllowedRedirectUri } from '../oauth.urls';

/** An OAuth client as the authorization endpoint sees it. */
export interface OAuthClient {
  /** `cli…` (registered) or the https URL of its Client ID Metadata Document. */
  id: string;
  kind: 'registered' | 'metadata_document';
  /** As the client calls itself (unverified for registered clients). */
  name: string | null;
  uri: string | null;
  redirectUris: string[];
}

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * RFC 7591 client metadata, as a registration body or a metadata document carries it. Unknown
 * members are ignored (RFC 7591 §2: a server MUST ignore metadata it does not understand).
 */
export const clientMetadataSchema = z.object({
  redirect_uris: z.array(z.string().max(2000)).min(1).max(20),
  client_name: text(200).optional(),
  client_uri: z.url().max(2000).optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
  token_endpoint_auth_method: z.string().optional(),
  scope: z.string().max(2000).optional(),
});

/** Parsed client metadata. */
export type ClientMetadata = z.infer<typeof clientMetadataSchema>;

const GRANT_TYPES = ['authorization_code', 'refresh_token'];

/** Checks what Tableport supports: public clients, the code flow, https or loopback redirect URIs. */
export function assertSupportedMetadata(metadata: ClientMetadata): void {
  const bad = metadata.redirect_uris.find((uri) => !isAllowedRedirectUri(uri));
  if (bad !== undefined) {
    throw oauthError(
      'oauth.invalid_redirect_uri',
      `Redirect URI ${bad.slice(0, 200)} is not allowed: use https, or http on 127.0.0.1, [::1] or localhost, with no fragment`,
    );
  }
  if (metadata.grant_types?.some((grant) => !GRANT_TYPES.includes(grant)))
    throw oauthError(
      'oauth.invalid_client_metadata',
      'grant_types may hold authorization_code and refresh_token',
    );
  if (metadata.response_types?.some((type) => type !== 'code'))
    throw oauthError('oauth.invalid_client_metadata', 'response_types may hold code only');
}

/** Parses metadata with the schema, as `oauth.invalid_client_metadata` when it does not fit. */
export function parseClientMetadata(input: unknown): ClientMetadata {
  const parsed = clientMetadataSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw oauthError('oauth.invalid_client_metadata', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  assertSupportedMetadata(parsed.data);
  return parsed.data;
}
