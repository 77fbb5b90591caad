import type { AirtableRequest } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, decideRetry, neverSent } from './retry.policy';

const read: AirtableRequest = { operation: 'records.list', method: 'GET', path: '/v0/app/t', idempotent: true };
const create: AirtableRequest = { operation: 'records.create', method: 'POST', path: '/v0/app/t', idempotent: false };
const fail = (code: AppError['code'], details?: Record<string, unknown>, cause?: unknown) =>
  new AppError({ code, message: code, details, cause });
const decide = (error: unknown, request = read, attempt = 1) =>
  decideRetry({ error, request, attempt, options: DEFAULT_RETRY, random: () => 0.5 });

describe('decideRetry', () => {
  it('waits out a 429 for the lockout, or for Retry-After when Airtable sends one', () => {
    expect(decide(fail('airtable.rate_limited'), create)).toEqual({ kind: 'lockout', blockMs: 30_000, delayMs: 30_125 });
    expect(decide(fail('airtable.rate_limited', { retryAfterMs: 2_000 }))).toMatchObject({ kind: 'lockout', blockMs: 2_000 });
    expect(decide(fail('airtable.rate_limited', { retryAfterMs: 3_600_000 }))).toMatchObject({ blockMs: 120_000 });
  });

  it('retries 5xx, timeouts, network errors and unreadable answers only when the request is idempotent', () => {
    for (const code of ['airtable.server_error', 'airtable.timeout', 'airtable.network', 'airtable.invalid_response', 'outbound.failed'] as const) {
      expect(decide(fail(code)).kind).toBe('backoff');
      expect(decide(fail(code), create).kind).toBe('fail');
    }
  });

  it('retries any request whose connection never opened', () => {
    const refused = fail('airtable.network', undefined, new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }));
    expect(neverSent(refused)).toBe(true);
    expect(decide(refused, create).kind).toBe('backoff');
  });

  it('backs off exponentially with full jitter, up to a ceiling, and honours a 503 Retry-After', () => {
    expect(decide(fail('airtable.server_error'), read, 1)).toEqual({ kind: 'backoff', delayMs: 125 });
    expect(decide(fail('airtable.server_error'), read, 3)).toEqual({ kind: 'backoff', delayMs: 500 });
    const late = decideRetry({ error: fail('airtable.server_error'), request: read, attempt: 5, options: { ...DEFAULT_RETRY, maxAttempts: 10 }, random: () => 1 });
    expect(late).toEqual({ kind: 'backoff', delayMs: 4_000 });
    expect(decide(fail('airtable.server_error', { retryAfterMs: 5_000 }))).toEqual({ kind: 'backoff', delayMs: 5_000 });
  });

  it('stops at the bound, and never retries errors a retry cannot fix', () => {
    expect(decide(fail('airtable.server_error'), read, DEFAULT_RETRY.maxAttempts).kind).toBe('fail');
    for (const code of ['airtable.invalid_request', 'airtable.auth_failed', 'airtable.quota_exceeded', 'airtable.aborted'] as const) {
      expect(decide(fail(code)).kind).toBe('fail');
    }
    expect(decide(new Error('not ours')).kind).toBe('fail');
  });
});
