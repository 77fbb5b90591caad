import type { Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import type { KeyRing } from './key-ring';
import { open, seal, secretAad } from './secret-cipher';

/**
 * Data-key rotation, in one transaction: a new version, every secret re-encrypted under it, then
 * the versions no secret uses any more dropped (the foreign key keeps a version a concurrent write
 * still uses).
 */
export async function rotateSecrets(input: {
  db: Database;
  keyRing: KeyRing;
  audit: AuditLog;
  actor: Actor;
}): Promise<{ version: number; reencrypted: number }> {
  const { db, keyRing, audit, actor } = input;
  interface Row {
    id: string;
    workspace_id: string | null;
    ciphertext: string;
    key_version: number;
  }

  return db.transaction(async (tx) => {
    const next = await keyRing.addVersion(tx);
    const rows = await tx.query<Row>(
      'SELECT id, workspace_id, ciphertext, key_version FROM secrets ORDER BY id FOR UPDATE',
    );
    for (const row of rows.rows) {
      const aad = secretAad(row.id, row.workspace_id);
      const plaintext = open({
        key: await keyRing.key(tx, row.key_version),
        sealed: row.ciphertext,
        aad,
      });
      await tx.query(
        'UPDATE secrets SET ciphertext = $2, key_version = $3, updated_at = now() WHERE id = $1',
        [row.id, seal({ key: next.key, plaintext, aad }), next.version],
      );
    }
    await tx.query(
      'DELETE FROM secret_keys k WHERE k.version <> $1 AND NOT EXISTS (SELECT 1 FROM secrets s WHERE s.key_version = k.version)',
      [next.version],
    );
    await audit.record(
      {
        action: 'secret.rotated',
        actor,
        details: { version: next.version, reencrypted: rows.rows.length },
      },
      { tx },
    );
    return { version: next.version, reencrypted: rows.rows.length };
  });
}
