import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AUTHORIZATION_PARAMS } from './authorize.request';

/** Binds a consent form to one session and one authorization request. */
export interface ConsentCsrf {
  sign(input: { sessionId: string; params: URLSearchParams }): string;
  verify(input: { sessionId: string; params: URLSearchParams; token: string }): boolean;
}

/**
 * The consent form's CSRF token: HMAC-SHA256 (key derived from TABLEPORT_SECRET_KEY with HKDF, its
 * own label) over the session id and the request's parameters. A form posted from another
 * session, or with a parameter changed, does not verify; nothing is stored.
 */
export function createConsentCsrf(secretKey: string): ConsentCsrf {
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(secretKey, 'hex'), Buffer.alloc(0), 'tableport/oauth-consent', 32),
  );
  const sign: ConsentCsrf['sign'] = ({ sessionId, params }) => {
    const canonical = JSON.stringify([sessionId, ...AUTHORIZATION_PARAMS.map((name) => params.getAll(name))]);
    return createHmac('sha256', key).update(canonical).digest('base64url');
  };
  return {
    sign,
    verify: ({ token, ...input }) => {
      const expected = Buffer.from(sign(input));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
