import { createHash } from 'node:crypto';
import { encodeQuery, type AirtableRequest } from '@tableport/airtable';

/** A short, stable digest; used where a secret (the token) must not appear in a key. */
export function digest(text: string, length = 32): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** What makes two requests the same call: host, method, path, query and body (not signal or timeout). */
export function requestIdentity(request: AirtableRequest): string {
  const query = request.query ? encodeQuery(request.query) : '';
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  return `${request.host ?? 'api'} ${request.method} ${request.path}?${query} ${body}`;
}
