import type { AirtableRequest } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';

/** How the scheduler retries; the defaults follow Airtable's documented behaviour. */
export interface RetryOptions {
  /** Tries per request, the first included (bounded: a long outage surfaces its error). */
  maxAttempts: number;
  /** First backoff step for 5xx and transport errors; doubles per try, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a 429 locks a base when Airtable sends no Retry-After (Airtable: 30 s). */
  lockoutMs: number;
  /** Random spread added after a lockout, so that waiting callers do not return in one burst. */
  lockoutJitterMs: number;
  /** Longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number;
}

/** Default retry policy. */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  lockoutMs: 30_000,
  lockoutJitterMs: 250,
  maxRetryAfterMs: 120_000,
};

/** What to do after a failed attempt. */
export type RetryDecision =
  | { kind: 'fail' }
  | { kind: 'lockout'; blockMs: number; delayMs: number }
  | { kind: 'backoff'; delayMs: number };

const TRANSPORT = new Set(['airtable.timeout', 'airtable.network', 'outbound.timeout', 'outbound.failed']);
// The connection never opened, so the request cannot have reached Airtable: safe for any request.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * 429: always retried (Airtable did nothing), after the lockout or Retry-After. 5xx, timeouts,
 * network errors and unreadable answers: retried only for idempotent requests, since a create
 * may already have been applied; a connection that never opened is retried for any request.
 */
export function decideRetry(input: {
  error: unknown;
  request: AirtableRequest;
  attempt: number;
  options: RetryOptions;
  random: () => number;
}): RetryDecision {
  const { error, request, attempt, options, random } = input;
  if (!AppError.isInstance(error) || attempt >= options.maxAttempts) return { kind: 'fail' };
  const retryAfterMs = numberDetail(error, 'retryAfterMs');
  if (error.code === 'airtable.rate_limited') {
    const blockMs = Math.min(retryAfterMs ?? options.lockoutMs, options.maxRetryAfterMs);
    return { kind: 'lockout', blockMs, delayMs: blockMs + random() * options.lockoutJitterMs };
  }
  const transient =
    error.code === 'airtable.server_error' ||
    error.code === 'airtable.invalid_response' ||
    TRANSPORT.has(error.code);
  if (!transient || !(request.idempotent || neverSent(error))) return { kind: 'fail' };
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const backoff = random() * ceiling;
  return { kind: 'backoff', delayMs: Math.max(backoff, Math.min(retryAfterMs ?? 0, options.maxRetryAfterMs)) };
}

function numberDetail(error: AppError, name: string): number | undefined {
  const value = error.details?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** True when an error chain carries a socket code that means nothing was sent. */
export function neverSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
