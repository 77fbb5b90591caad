import { createHash, timingSafeEqual } from 'node:crypto';

// RFC 7636 §4.1: 43 to 128 unreserved characters.
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
// An S256 challenge is the base64url of 32 bytes: 43 characters, no padding.
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** True when the value has the shape of an S256 code challenge. */
export function isS256Challenge(value: string): boolean {
  return CHALLENGE.test(value);
}

/** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) equals the challenge (constant-time comparison). */
export function verifyPkce(input: { verifier: string; challenge: string }): boolean {
  if (!VERIFIER.test(input.verifier) || !isS256Challenge(input.challenge)) return false;
  const computed = Buffer.from(createHash('sha256').update(input.verifier).digest('base64url'));
  return timingSafeEqual(computed, Buffer.from(input.challenge));
}
