import { describe, expect, it } from 'vitest';
import { codeForStatus, errorFromResponse, parseRetryAfter } from './http.errors';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-02T03:04:05.000Z');
  it('reads delta seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 02 Jan 2024 03:04:15 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 02 Jan 2024 03:00:00 GMT', now)).toBe(0);
  });
  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('codeForStatus', () => {
  it('falls back by status family when the type is unknown or absent', () => {
    expect(codeForStatus(403, undefined)).toBe('airtable.forbidden_or_not_found');
    expect(codeForStatus(409, 'SOMETHING_NEW')).toBe('airtable.invalid_request');
    expect(codeForStatus(502, undefined)).toBe('airtable.server_error');
    expect(codeForStatus(304, undefined)).toBe('airtable.invalid_response');
  });
});

describe('errorFromResponse', () => {
  it('keeps an envelope without message, and redacts nothing when the token is absent from it', () => {
    const error = errorFromResponse({
      status: 422,
      headers: new Headers(),
      body: { error: { type: 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE' } },
      token: 'patX',
    });
    expect(error.message).toBe('Airtable answered 422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE');
    expect(error.details).toEqual({ status: 422, airtableType: 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE' });
  });
});
