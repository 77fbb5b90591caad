import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's baseline), computed on
// libuv's thread pool so a sign-in never blocks the event loop (~50 ms here; better-auth's
// built-in scrypt in JS took ~330 ms).

/** Hashes a password (PHC string, argon2id). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against a PHC hash; false for a malformed hash. */
export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(input.hash, input.password);
  } catch {
    return false;
  }
}
