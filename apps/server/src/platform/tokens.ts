import { createHash, randomInt } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// 43 base62 characters carry 256 bits (43 × log2 62 ≈ 256.0).
const LENGTH = 43;

/**
 * A bearer secret: the prefix (`tpk_` API key, `tpi_` invitation) plus 43 crypto-random base62
 * characters (`randomInt` is unbiased). The prefix lets secret scanners and people recognise it.
 */
export function generateToken(prefix: string): string {
  let out = prefix;
  for (let index = 0; index < LENGTH; index++) out += BASE62[randomInt(62)];
  return out;
}

/**
 * How bearer secrets are kept: SHA-256, hex. A token has 256 bits of entropy, so a fast hash is
 * enough (no dictionary to try, unlike passwords), and lookups stay one indexed equality.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when the string has the shape of a token with this prefix. */
export function looksLikeToken(value: string, prefix: string): boolean {
  return (
    value.length === prefix.length + LENGTH &&
    value.startsWith(prefix) &&
    /^[A-Za-z0-9]+$/.test(value.slice(prefix.length))
  );
}
