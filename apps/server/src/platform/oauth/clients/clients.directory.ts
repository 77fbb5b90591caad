import { createHash } from 'node:crypto';
import { newId } from '@tableport/contracts';
import type { SqlExecutor } from '../../../infra/db';
import type { OutboundFetch } from '../../../infra/http';
import type { Cache } from '../../../infra/kv';
import { oauthError } from '../oauth.errors';
import { fetchMetadataDocument, isMetadataDocumentUrl } from './clients.metadata-document';
import type { ClientMetadata, OAuthClient } from './clients.schema';

/** Finds clients by client_id and registers new ones. */
export interface ClientDirectory {
  /** A registered client, or the client a metadata document URL describes; `oauth.invalid_client` otherwise. */
  find(clientId: string): Promise<OAuthClient>;
  /** RFC 7591 registration of a public client (metadata already checked). */
  register(metadata: ClientMetadata): Promise<OAuthClient>;
}

interface Row {
  id: string;
  name: string | null;
  uri: string | null;
  redirect_uris: string[];
}

/**
 * Clients come from two places: dynamic registration (rows in `oauth_clients`) and Client ID
 * Metadata Documents (an https client_id, fetched through the outbound guard and cached in the
 * shared KV for the document's max-age, so every node sees the same client).
 */
export function createClientDirectory(options: {
  db: SqlExecutor;
  cache: Cache;
  fetch: OutboundFetch;
}): ClientDirectory {
  const cacheKey = (url: string) => `oauth:cimd:${createHash('sha256').update(url).digest('hex')}`;
  const fromDocument = async (url: string): Promise<OAuthClient> => {
    const cached = await options.cache.get<OAuthClient>(cacheKey(url));
    if (cached) return cached;
    const { client, maxAgeMs } = await fetchMetadataDocument({ url, fetch: options.fetch });
    await options.cache.set(cacheKey(url), client, { ttlMs: maxAgeMs });
    return client;
  };
  return {
    async find(clientId) {
      if (isMetadataDocumentUrl(clientId)) return fromDocument(clientId);
      const result = await options.db.query<Row>(
        'SELECT id, name, uri, redirect_uris FROM oauth_clients WHERE id = $1',
        [clientId],
      );
      const row = result.rows[0];
      if (!row) throw oauthError('oauth.invalid_client', 'Unknown client_id: register the client first');
      return {
        id: row.id,
        kind: 'registered',
        name: row.name,
        uri: row.uri,
        redirectUris: row.redirect_uris,
      };
    },
    async register(metadata) {
      const client: OAuthClient = {
        id: newId('cli'),
        kind: 'registered',
        name: metadata.client_name ?? null,
        uri: metadata.client_uri ?? null,
        redirectUris: metadata.redirect_uris,
      };
      await options.db.query(
        'INSERT INTO oauth_clients (id, name, uri, redirect_uris) VALUES ($1, $2, $3, $4)',
        [client.id, client.name, client.uri, client.redirectUris],
      );
      return client;
    },
  };
}
