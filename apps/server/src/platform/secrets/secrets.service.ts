import { AppError, newId, type Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import type { KeyRing } from './key-ring';
import { open, seal, secretAad } from './secret-cipher';
import { rotateSecrets } from './secrets.rotation';

/** What a secret is for. */
export { SECRET_KINDS } from '@tableport/contracts';
import type { SECRET_KINDS } from '@tableport/contracts';
export type SecretKind = (typeof SECRET_KINDS)[number];

/** A secret as the API shows it: metadata and a hint, never the value. */
export interface SecretView {
  id: string;
  workspaceId: string | null;
  kind: SecretKind;
  name: string;
  /** `…` plus the last 4 characters for values of 16+ characters, else `…`. */
  hint: string;
  keyVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** Encrypted secrets: write, list metadata, delete; `reveal` is for server-side use only (never an API). */
export interface SecretStore {
  create(input: {
    workspaceId: string | null;
    kind: SecretKind;
    name: string;
    value: string;
    actor: Actor;
  }): Promise<SecretView>;
  list(workspaceId: string | null): Promise<SecretView[]>;
  delete(input: { workspaceId: string | null; id: string; actor: Actor }): Promise<void>;
  reveal(input: { workspaceId: string | null; id: string }): Promise<string>;
  /** New data key version; every secret re-encrypted under it; unused old versions dropped. */
  rotate(actor: Actor): Promise<{ version: number; reencrypted: number }>;
}

interface Row {
  id: string;
  workspace_id: string | null;
  kind: SecretKind;
  name: string;
  ciphertext: string;
  key_version: number;
  hint: string;
  created_at: Date;
  updated_at: Date;
}
const toView = (row: Row): SecretView => ({
  id: row.id,
  workspaceId: row.workspace_id,
  kind: row.kind,
  name: row.name,
  hint: row.hint,
  keyVersion: row.key_version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
const hintOf = (value: string) => (value.length >= 16 ? `…${value.slice(-4)}` : '…');
const notFound = (id: string) => new AppError({ code: 'secret.not_found', message: `No secret ${id}` });
const SAME_WORKSPACE = 'workspace_id IS NOT DISTINCT FROM $2';

/** Builds the secret store (AES-256-GCM under versioned data keys). */
export function createSecretStore(options: { db: Database; keyRing: KeyRing; audit: AuditLog }): SecretStore {
  const { db, keyRing, audit } = options;
  return {
    async create({ workspaceId, kind, name, value, actor }) {
      const id = newId('sec');
      const row = await db.transaction(async (tx) => {
        const exists = await tx.query(`SELECT 1 FROM secrets WHERE name = $1 AND ${SAME_WORKSPACE}`, [
          name,
          workspaceId,
        ]);
        if (exists.rows.length > 0)
          throw new AppError({ code: 'secret.exists', message: `A secret named ${name} exists` });
        const { version, key } = await keyRing.active(tx);
        const ciphertext = seal({
          key,
          plaintext: Buffer.from(value, 'utf8'),
          aad: secretAad(id, workspaceId),
        });
        const inserted = await tx.query<Row>(
          `INSERT INTO secrets (id, workspace_id, kind, name, ciphertext, key_version, hint, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
          [id, workspaceId, kind, name, ciphertext, version, hintOf(value), actor.userId ?? actor.id],
        );
        await audit.record(
          {
            action: 'secret.created',
            actor,
            workspaceId,
            target: { type: 'secret', id },
            details: { name, kind },
          },
          { tx },
        );
        return inserted.rows[0]!;
      });
      return toView(row);
    },
    async list(workspaceId) {
      const result = await db.query<Row>(
        `SELECT * FROM secrets WHERE ${SAME_WORKSPACE.replace('$2', '$1')} ORDER BY name`,
        [workspaceId],
      );
      return result.rows.map(toView);
    },
    async delete({ workspaceId, id, actor }) {
      await db.transaction(async (tx) => {
        const result = await tx.query(`DELETE FROM secrets WHERE id = $1 AND ${SAME_WORKSPACE}`, [
          id,
          workspaceId,
        ]);
        if (result.rowCount === 0) throw notFound(id);
        await audit.record(
          { action: 'secret.deleted', actor, workspaceId, target: { type: 'secret', id } },
          { tx },
        );
      });
    },
    async reveal({ workspaceId, id }) {
      const result = await db.query<Row>(`SELECT * FROM secrets WHERE id = $1 AND ${SAME_WORKSPACE}`, [
        id,
        workspaceId,
      ]);
      const row = result.rows[0];
      if (!row) throw notFound(id);
      const key = await keyRing.key(db, row.key_version);
      return open({ key, sealed: row.ciphertext, aad: secretAad(row.id, row.workspace_id) }).toString('utf8');
    },
    rotate: (actor) => rotateSecrets({ db, keyRing, audit, actor }),
  };
}
