import type { Actor } from '@tableport/contracts';
import type { EventBus } from '../../comms/events';
import type { Database } from '../../infra/db';
import type { SecretStore } from '../../platform/secrets/secrets.service';
import type { BaseEntry } from '../data-source.types';
import { quoteId } from '../local/schema/schema.model';

/**
 * Deletes a local base (the store has no delete-base API yet; the demo base needs one): its record
 * tables, metadata, comments, webhooks and change sets go in one transaction with a `base.deleted`
 * event, then its webhooks' MAC secrets.
 */
export async function deleteLocalBase(deps: { db: Database; events: EventBus; secrets: Pick<SecretStore, 'delete'> }, input: { base: BaseEntry; actor: Actor }): Promise<void> {
  const { base, actor } = input;
  const secrets = await deps.db.transaction(async (tx) => {
    const hooks = await tx.query<{ mac_secret_id: string }>('SELECT mac_secret_id FROM data_webhooks WHERE base_id = $1', [base.id]);
    await tx.exec(`DROP SCHEMA IF EXISTS ${quoteId(base.id)} CASCADE`);
    await tx.query('DELETE FROM data_change_sets WHERE base_id = $1', [base.id]);
    // Tables, fields, views, comments, webhooks and their payloads cascade from the registry row.
    await tx.query('DELETE FROM data_bases WHERE id = $1', [base.id]);
    await deps.events.append(tx, [{ type: 'base.deleted', workspaceId: base.workspaceId, baseId: base.id, actor, payload: { name: base.name } }]);
    return hooks.rows.map((row) => row.mac_secret_id);
  });
  for (const id of secrets) await deps.secrets.delete({ workspaceId: base.workspaceId, id, actor }).catch(() => undefined);
}
