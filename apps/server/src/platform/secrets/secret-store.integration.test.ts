import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import type { Database } from '../../infra/db';
import { createAuditLog } from '../audit/audit-log';
import { createKeyRing } from './key-ring';
import { createSecretStore } from './secrets.service';

const KEY_A = 'a1'.repeat(32);
const KEY_B = 'b2'.repeat(32);
const actor = { kind: 'admin', id: 'admin', userId: null, channel: 'api' } as const;
const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

async function setup() {
  const db = await createTestDatabase();
  opened.push(db);
  const store = (secretKey: string, previousSecretKey?: string) => {
    const keyRing = createKeyRing({ secretKey, ...(previousSecretKey ? { previousSecretKey } : {}) });
    return { keyRing, secrets: createSecretStore({ db, keyRing, audit: createAuditLog(db) }) };
  };
  return { db, store };
}

describe('secret store', () => {
  it('encrypts at rest with AES-256-GCM and shows only a hint', async () => {
    const { db, store } = await setup();
    const { secrets } = store(KEY_A);
    const value = 'patAbCdEfGh.0123456789abcdefWXYZ';
    const created = await secrets.create({
      workspaceId: null,
      kind: 'airtable_token',
      name: 'Airtable',
      value,
      actor,
    });
    expect(created.hint).toBe('…WXYZ');
    expect(JSON.stringify(await secrets.list(null))).not.toContain(value);
    const row = await db.query<{ ciphertext: string }>('SELECT ciphertext FROM secrets');
    expect(row.rows[0]!.ciphertext).not.toContain(value.slice(0, 8));
    expect(await secrets.reveal({ workspaceId: null, id: created.id })).toBe(value);
    await expect(
      secrets.create({ workspaceId: null, kind: 'other', name: 'Airtable', value: 'x', actor }),
    ).rejects.toMatchObject({ code: 'secret.exists' });
  });

  it('binds a ciphertext to its row: a value copied to another row does not open', async () => {
    const { db, store } = await setup();
    const { secrets } = store(KEY_A);
    const first = await secrets.create({
      workspaceId: null,
      kind: 'other',
      name: 'one',
      value: 'first value',
      actor,
    });
    const second = await secrets.create({
      workspaceId: null,
      kind: 'other',
      name: 'two',
      value: 'second value',
      actor,
    });
    await db.query(
      'UPDATE secrets SET ciphertext = (SELECT ciphertext FROM secrets WHERE id = $1) WHERE id = $2',
      [first.id, second.id],
    );
    await expect(secrets.reveal({ workspaceId: null, id: second.id })).rejects.toMatchObject({
      code: 'secret.undecryptable',
    });
  });

  it('rotates the data key: every secret re-encrypted under the new version, the old version dropped', async () => {
    const { db, store } = await setup();
    const { secrets } = store(KEY_A);
    const created = await secrets.create({
      workspaceId: null,
      kind: 'llm_api_key',
      name: 'OpenAI',
      value: 'sk-test-0123456789',
      actor,
    });
    const before = await db.query<{ ciphertext: string }>('SELECT ciphertext FROM secrets');
    const rotated = await secrets.rotate(actor);
    expect(rotated).toEqual({ version: created.keyVersion + 1, reencrypted: 1 });
    const after = await db.query<{ ciphertext: string; key_version: number }>(
      'SELECT ciphertext, key_version FROM secrets',
    );
    expect(after.rows[0]!.ciphertext).not.toBe(before.rows[0]!.ciphertext);
    expect(after.rows[0]!.key_version).toBe(rotated.version);
    expect((await db.query('SELECT version FROM secret_keys')).rows).toEqual([{ version: rotated.version }]);
    expect(await store(KEY_A).secrets.reveal({ workspaceId: null, id: created.id })).toBe(
      'sk-test-0123456789',
    );
  });

  it('changes TABLEPORT_SECRET_KEY: without the previous key secrets are refused, with it they are re-wrapped', async () => {
    const { db, store } = await setup();
    const created = await store(KEY_A).secrets.create({
      workspaceId: null,
      kind: 'webhook_secret',
      name: 'hook',
      value: 'whsec_0123456789',
      actor,
    });
    await expect(store(KEY_B).secrets.reveal({ workspaceId: null, id: created.id })).rejects.toMatchObject({
      code: 'secret.undecryptable',
    });
    const moving = store(KEY_B, KEY_A);
    expect(await db.transaction((tx) => moving.keyRing.rewrap(tx))).toBe(1);
    expect(await store(KEY_B).secrets.reveal({ workspaceId: null, id: created.id })).toBe('whsec_0123456789');
    await expect(store(KEY_A).secrets.reveal({ workspaceId: null, id: created.id })).rejects.toMatchObject({
      code: 'secret.undecryptable',
    });
  });
});
