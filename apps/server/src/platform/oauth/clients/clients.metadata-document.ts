import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import type { OutboundFetch } from '../../../infra/http';
import { oauthError } from '../oauth.errors';
import { parseClientMetadata, type OAuthClient } from './clients.schema';

/** Largest document read (the CIMD draft suggests 5 KB). */
export const METADATA_DOCUMENT_MAX_BYTES = 5 * 1024;
const TIMEOUT_MS = 5_000;
const DEFAULT_MAX_AGE_MS = 3_600_000;
const MIN_MAX_AGE_MS = 60_000;
const MAX_MAX_AGE_MS = 86_400_000;

/** True when a client_id names a Client ID Metadata Document: an https URL with a path. */
export function isMetadataDocumentUrl(clientId: string): boolean {
  if (!clientId.startsWith('https://')) return false;
  try {
    const url = new URL(clientId);
    const dotSegment = url.pathname.split('/').some((segment) => segment === '.' || segment === '..');
    return url.pathname !== '/' && !url.hash && !url.username && !url.password && !dotSegment;
  } catch {
    return false;
  }
}

const documentSchema = z
  .string()
  .transform((text, context): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.looseObject({ client_id: z.string() }));
const invalid = (url: string, reason: string) =>
  oauthError('oauth.invalid_client', `The client metadata document at ${url} ${reason}`);

/**
 * Fetches and validates a Client ID Metadata Document through the outbound guard (SSRF checks,
 * 5 s, 5 KB): JSON whose `client_id` is exactly the URL, a public client, allowed redirect URIs.
 * Returns the client and how long it may be cached (Cache-Control max-age, 1 min to 1 day).
 */
export async function fetchMetadataDocument(input: {
  url: string;
  fetch: OutboundFetch;
}): Promise<{ client: OAuthClient; maxAgeMs: number }> {
  const { url } = input;
  const response = await input
    .fetch(url, { headers: { accept: 'application/json' }, timeoutMs: TIMEOUT_MS })
    .catch((error: unknown) => {
      throw invalid(url, `could not be fetched (${AppError.isInstance(error) ? error.code : 'failed'})`);
    });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw invalid(url, `answered HTTP ${response.status}`);
  }
  const body = await readCapped(response, METADATA_DOCUMENT_MAX_BYTES);
  if (body === null) throw invalid(url, `is larger than ${METADATA_DOCUMENT_MAX_BYTES} bytes`);
  const document = documentSchema.safeParse(body);
  if (!document.success) throw invalid(url, 'is not a JSON object with a client_id');
  if (document.data.client_id !== url)
    throw invalid(url, 'must name itself: its client_id must equal its URL');
  if (
    'client_secret' in document.data ||
    !['none', undefined].includes(document.data.token_endpoint_auth_method as string)
  )
    throw invalid(url, 'must describe a public client (token_endpoint_auth_method none, no secret)');
  const metadata = parseClientMetadata(document.data);
  return {
    client: {
      id: url,
      kind: 'metadata_document',
      name: metadata.client_name ?? null,
      uri: metadata.client_uri ?? null,
      redirectUris: metadata.redirect_uris,
    },
    maxAgeMs: maxAge(response.headers.get('cache-control')),
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function maxAge(cacheControl: string | null): number {
  if (cacheControl && /no-store|no-cache/i.test(cacheControl)) return MIN_MAX_AGE_MS;
  const seconds = /max-age=(\d+)/i.exec(cacheControl ?? '')?.[1];
  const wanted = seconds === undefined ? DEFAULT_MAX_AGE_MS : Number(seconds) * 1000;
  return Math.min(MAX_MAX_AGE_MS, Math.max(MIN_MAX_AGE_MS, wanted));
}
