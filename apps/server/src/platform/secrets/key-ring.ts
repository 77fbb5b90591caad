import { AppError } from '@tableport/contracts';
import type { SqlExecutor } from '../../infra/db';
import { deriveKek, newDataKey, open, seal, type NamedKey } from './secret-cipher';

const DEK_AAD = 'tableport/secrets/data-key';

/** Versioned data keys, stored wrapped under the key-encryption key (envelope encryption). */
export interface KeyRing {
  /** The newest data key (created on first use). */
  active(executor: SqlExecutor): Promise<{ version: number; key: Buffer }>;
  /** The data key of a version. */
  key(executor: SqlExecutor, version: number): Promise<Buffer>;
  /** Adds a new data key version and returns it (rotation re-encrypts under it). */
  addVersion(executor: SqlExecutor): Promise<{ version: number; key: Buffer }>;
  /** Re-wraps data keys wrapped under TABLEPORT_SECRET_KEY_PREVIOUS with the current key; returns how many. */
  rewrap(executor: SqlExecutor): Promise<number>;
}

/** Builds the key ring from the current (and optionally previous) TABLEPORT_SECRET_KEY. */
export function createKeyRing(options: { secretKey: string; previousSecretKey?: string }): KeyRing {
  const kek = deriveKek(options.secretKey);
  const previous = options.previousSecretKey ? deriveKek(options.previousSecretKey) : undefined;
  const cache = new Map<number, Buffer>();
  const unwrap = (row: { version: number; wrapped_key: string; kek_id: string }): Buffer => {
    const wrapping: NamedKey | undefined =
      row.kek_id === kek.id ? kek : row.kek_id === previous?.id ? previous : undefined;
    if (!wrapping) {
      throw new AppError({
        code: 'secret.undecryptable',
        message: `Data key v${row.version} was wrapped by another TABLEPORT_SECRET_KEY; set TABLEPORT_SECRET_KEY_PREVIOUS to it`,
      });
    }
    return open({ key: wrapping.key, sealed: row.wrapped_key, aad: DEK_AAD });
  };
  const addVersion = async (executor: SqlExecutor) => {
    const key = newDataKey();
    const inserted = await executor.query<{ version: number }>(
      'INSERT INTO secret_keys (wrapped_key, kek_id) VALUES ($1, $2) RETURNING version',
      [seal({ key: kek.key, plaintext: key, aad: DEK_AAD }), kek.id],
    );
    const version = inserted.rows[0]!.version;
    cache.set(version, key);
    return { version, key };
  };
  const load = async (executor: SqlExecutor, version: number) => {
    const cached = cache.get(version);
    if (cached) return cached;
    const result = await executor.query<{ version: number; wrapped_key: string; kek_id: string }>(
      'SELECT version, wrapped_key, kek_id FROM secret_keys WHERE version = $1',
      [version],
    );
    if (!result.rows[0])
      throw new AppError({ code: 'secret.undecryptable', message: `Data key v${version} is missing` });
    const key = unwrap(result.rows[0]);
    cache.set(version, key);
    return key;
  };
  return {
    async active(executor) {
      // Read every time: another node may have rotated since.
      const newest = await executor.query<{ version: number }>(
        'SELECT max(version) AS version FROM secret_keys',
      );
      const version = newest.rows[0]?.version;
      return version ? { version, key: await load(executor, version) } : addVersion(executor);
    },
    key: load,
    addVersion,
    async rewrap(executor) {
      if (!previous) return 0;
      const rows = await executor.query<{ version: number; wrapped_key: string; kek_id: string }>(
        'SELECT version, wrapped_key, kek_id FROM secret_keys WHERE kek_id = $1',
        [previous.id],
      );
      for (const row of rows.rows) {
        const wrapped = seal({ key: kek.key, plaintext: unwrap(row), aad: DEK_AAD });
        await executor.query('UPDATE secret_keys SET wrapped_key = $2, kek_id = $3 WHERE version = $1', [
          row.version,
          wrapped,
          kek.id,
        ]);
      }
      return rows.rows.length;
    },
  };
}
