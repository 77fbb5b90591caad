import type { Actor } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { SecretStore } from '../../platform/secrets/secrets.service';
import { findBase } from '../data.registry';
import { WEBHOOK_LIFETIME_MS } from './webhooks.service';

const SYSTEM: Actor = { kind: 'system', id: 'webhooks', userId: null, channel: 'system' };

/**
 * Airtable keeps payloads 7 days, and an expired webhook's metadata and payloads another 7 days:
 * older payloads go, then webhooks expired for 7 days go with their MAC secrets.
 */
export async function cleanUpWebhooks(deps: { db: Database; secrets: Pick<SecretStore, 'delete'> }): Promise<void> {
  const horizon = new Date(Date.now() - WEBHOOK_LIFETIME_MS);
  await deps.db.query('DELETE FROM data_webhook_payloads WHERE created_at < $1', [horizon]);
  const gone = await deps.db.query<{ base_id: string; mac_secret_id: string }>(
    'DELETE FROM data_webhooks WHERE expires_at < $1 RETURNING base_id, mac_secret_id',
    [horizon],
  );
  for (const row of gone.rows) {
    const base = await findBase(deps.db, row.base_id);
    await deps.secrets.delete({ workspaceId: base?.workspaceId ?? null, id: row.mac_secret_id, actor: SYSTEM }).catch(() => undefined);
  }
}
