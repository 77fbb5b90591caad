import { AppError, type ErrorCode } from '@tableport/contracts';
import { z } from 'zod';

// Airtable: two envelopes exist, `{"error":{"type","message"}}` and `{"error":"NOT_FOUND"}`.
const errorEnvelopeSchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({ type: z.string().optional(), message: z.string().optional() }),
  ]),
});

/** What an error answer told us, before it becomes an AppError. */
export interface UpstreamFailure {
  status: number;
  headers: Headers;
  body: unknown;
  /** Removed from Airtable's message should it ever echo it. */
  token: string;
}

/** Maps a non-2xx Airtable answer to an `airtable.*` AppError carrying Airtable's type and message. */
export function errorFromResponse(failure: UpstreamFailure): AppError {
  const envelope = errorEnvelopeSchema.safeParse(failure.body);
  const error = envelope.success ? envelope.data.error : undefined;
  const airtableType = typeof error === 'string' ? error : error?.type;
  const rawMessage = typeof error === 'object' ? error.message : undefined;
  const airtableMessage = failure.token ? rawMessage?.replaceAll(failure.token, '[redacted]') : rawMessage;
  const retryAfterMs = parseRetryAfter(failure.headers.get('retry-after'));
  const summary = [airtableType, airtableMessage].filter(Boolean).join(': ');
  return new AppError({
    code: codeForStatus(failure.status, airtableType),
    message: `Airtable answered ${failure.status}${summary ? ` ${summary}` : ''}`,
    details: {
      status: failure.status,
      ...(airtableType === undefined ? {} : { airtableType }),
      ...(airtableMessage === undefined ? {} : { airtableMessage }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    },
  });
}

/** The AppError code for an Airtable status and error type. */
export function codeForStatus(status: number, airtableType: string | undefined): ErrorCode {
  if (status === 401) return 'airtable.auth_failed';
  if (status === 403) {
    const plainForbidden = airtableType === 'INVALID_PERMISSIONS' || airtableType === 'NOT_AUTHORIZED';
    return plainForbidden ? 'airtable.forbidden' : 'airtable.forbidden_or_not_found';
  }
  if (status === 404) return 'airtable.not_found';
  if (status === 429) {
    return airtableType === 'PUBLIC_API_BILLING_LIMIT_EXCEEDED'
      ? 'airtable.quota_exceeded'
      : 'airtable.rate_limited';
  }
  if (status >= 500) return 'airtable.server_error';
  if (status >= 400) return 'airtable.invalid_request';
  // Redirects and other non-2xx statuses are not part of the API.
  return 'airtable.invalid_response';
}

/** Reads `Retry-After` (delta seconds or an HTTP date) as milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
