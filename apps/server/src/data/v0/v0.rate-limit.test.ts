import { describe, expect, it } from 'vitest';
import { baseIdOfPath, v0RateLimit } from './v0.rate-limit';

describe('v0 rate limit', () => {
  it('is off unless TABLEPORT_V0_RATE_LIMIT is set', () => {
    const unused = { hit: () => Promise.reject(new Error('not counted')) } as never;
    expect(v0RateLimit({ rateLimiter: unused, perSecond: undefined })).toEqual([]);
    expect(v0RateLimit({ rateLimiter: unused, perSecond: 5 })).toHaveLength(1);
  });

  it('counts every route family against the base it names', () => {
    const id = 'appAbcdefghijklmn';
    expect(baseIdOfPath(`/v0/${id}/Tasks/recAbcdefghijklmn`)).toBe(id);
    expect(baseIdOfPath(`/v0/meta/bases/${id}/tables`)).toBe(id);
    expect(baseIdOfPath(`/v0/bases/${id}/webhooks/achAbcdefghijklmn/payloads`)).toBe(id);
    expect(baseIdOfPath(`/v0/${id}/recAbcdefghijklmn/Files/uploadAttachment`)).toBe(id);
    expect(baseIdOfPath('/v0/meta/whoami')).toBeUndefined();
    expect(baseIdOfPath('/v0/meta/bases')).toBeUndefined();
  });
});
