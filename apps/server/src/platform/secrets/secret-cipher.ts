import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '@tableport/contracts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key with a short public id (so a stored value names the key that sealed it). */
export interface NamedKey {
  id: string;
  key: Buffer;
}

/**
 * The key-encryption key, derived from TABLEPORT_SECRET_KEY with HKDF-SHA256 under its own label
 * (the raw key also derives better-auth's secret, so each use gets an independent key).
 */
export function deriveKek(secretKeyHex: string): NamedKey {
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(secretKeyHex, 'hex'), Buffer.alloc(0), 'tableport/secrets/kek', 32),
  );
  const id = createHash('sha256').update('tableport/secrets/kek-id').update(key).digest('hex').slice(0, 16);
  return { id, key };
}

/** A fresh random data key. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/**
 * AES-256-GCM with a random 96-bit IV; `aad` binds the ciphertext to where it is stored (a value
 * copied to another row fails to open). Output: base64 of iv | tag | ciphertext.
 */
export function seal(input: { key: Buffer; plaintext: Buffer; aad: string }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', input.key, iv);
  cipher.setAAD(Buffer.from(input.aad));
  const ciphertext = Buffer.concat([cipher.update(input.plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

/** Opens a {@link seal}ed value; throws `secret.undecryptable` on a wrong key, AAD or tampering. */
export function open(input: { key: Buffer; sealed: string; aad: string }): Buffer {
  const bytes = Buffer.from(input.sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', input.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(input.aad));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch (error) {
    throw new AppError({
      code: 'secret.undecryptable',
      message: 'A stored secret could not be decrypted',
      cause: error,
    });
  }
}

/** The associated data of a stored secret: its id and workspace. */
export function secretAad(id: string, workspaceId: string | null): string {
  return `tableport/secret/${id}/${workspaceId ?? '-'}`;
}
