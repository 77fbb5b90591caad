import { AppError } from '@tableport/contracts';
import type { Database } from '../../../infra/db';
import type { Authorizer } from '../../../platform/authz/authz.types';
import type { SecretStore } from '../../../platform/secrets/secrets.service';
import { actorOf } from '../../../gateway/actor';
import { baseNotFound, requireCaller, type Caller } from '../../data.access';
import { createCallJournal } from '../../data.journal';
import type { EventBus } from '../../../comms/events';
import { findBase, registerBase } from '../../data.registry';
import type { AirtableGateway } from '../airtable.gateway';
import type { ConnectionClients } from './connection.clients';
import { connectionsRepo, type ConnectionRow } from './connections.repo';
import { createFeedWebhook } from '../feed/feed.webhook';
import { verifyBase } from './connections.verify';

/** A connected base as the API shows it (never its token). */
export interface ConnectedBase {
  id: string;
  name: string;
  workspaceId: string;
  secretId: string | null;
  feed: { webhookId: string | null; cursor: number; error: string | null };
}

/** Connecting real Airtable bases to workspaces. */
export interface AirtableConnections {
  /** Checks the token reaches the base, stores the token as a secret when given, registers the base. */
  connect(input: { caller: Caller; workspaceId: string; baseId: string; token?: string; secretId?: string }): Promise<ConnectedBase>;
  list(input: { caller: Caller; workspaceId: string }): Promise<ConnectedBase[]>;
  /** Removes the base from Tableport (Airtable keeps it, and the secret stays). */
  disconnect(input: { caller: Caller; baseId: string }): Promise<void>;
}

/** What the connection service needs. */
export interface ConnectionServiceDeps {
  db: Database;
  events: EventBus;
  authorizer: Authorizer;
  secrets: SecretStore;
  gateway: AirtableGateway;
  clients: ConnectionClients;
  configToken: string | undefined;
  /** Starts the base's change feed (the feed job). */
  startFeed(baseId: string): Promise<void>;
}

/** Builds the connection service. */
export function createAirtableConnections(deps: ConnectionServiceDeps): AirtableConnections {
  const view = (base: { id: string; name: string; workspaceId: string }, row: ConnectionRow): ConnectedBase => ({
    ...base,
    secretId: row.secretId,
    feed: { webhookId: row.webhookId, cursor: row.cursor, error: row.feedError },
  });
  return {
    async connect({ caller, workspaceId, baseId, token, secretId }) {
      const principal = requireCaller(caller);
      await deps.authorizer.check(principal, 'base.create', { workspaceId });
      if (!/^app[A-Za-z0-9]{14}$/.test(baseId)) {
        throw new AppError({ code: 'airtable.invalid_base_id', message: `${baseId} is not an Airtable base id` });
      }
      if (await findBase(deps.db, baseId)) {
        throw new AppError({ code: 'airtable.already_connected', message: `Base ${baseId} is already in Tableport` });
      }
      const actor = actorOf(principal, caller.channel);
      const secretToken = secretId === undefined ? undefined : await deps.secrets.reveal({ workspaceId, id: secretId });
      const used = token ?? secretToken ?? deps.configToken;
      if (!used) throw new AppError({ code: 'airtable.token_missing', message: 'Give a token or a secret id (or set TABLEPORT_AIRTABLE_TOKEN)' });
      const name = await verifyBase({ client: deps.gateway.client(used), baseId });
      const stored = token === undefined ? undefined : await deps.secrets.create({ workspaceId, kind: 'airtable_token', name: `airtable:${baseId}`, value: token, actor });
      const base = { id: baseId, name, workspaceId, driver: 'airtable' as const, schemaVersion: 1 };
      const row = { baseId, secretId: stored?.id ?? secretId ?? null };
      const journal = createCallJournal({ events: deps.events, actor, base, operation: 'base.connect' });
      await deps.db.transaction(async (tx) => {
        await registerBase(tx, base);
        await connectionsRepo.insert(tx, row);
        await journal.journal.commit(tx, { schema: [{ type: 'base.created', after: { id: baseId, name, driver: 'airtable' } }] });
      });
      // The webhook is made now, so every change after `connect` returns reaches the feed.
      await createFeedWebhook({ db: deps.db, client: deps.gateway.client(used), baseId }).catch(() => undefined);
      await deps.startFeed(baseId);
      return view(base, (await connectionsRepo.find(deps.db, baseId))!);
    },
    async list({ caller, workspaceId }) {
      await deps.authorizer.check(requireCaller(caller), 'workspace.read', { workspaceId });
      const rows = await deps.db.query<{ id: string; name: string }>(
        "SELECT id, name FROM data_bases WHERE workspace_id = $1 AND driver = 'airtable' ORDER BY id",
        [workspaceId],
      );
      const all = new Map((await connectionsRepo.all(deps.db)).map((row) => [row.baseId, row]));
      return rows.rows.flatMap((base) => {
        const row = all.get(base.id);
        return row ? [view({ ...base, workspaceId }, row)] : [];
      });
    },
    async disconnect({ caller, baseId }) {
      const principal = requireCaller(caller);
      const base = await findBase(deps.db, baseId);
      if (!base) throw baseNotFound(baseId);
      await deps.authorizer.check(principal, 'base.manage', { workspaceId: base.workspaceId, baseId });
      if (base.driver !== 'airtable') {
        throw new AppError({ code: 'airtable.not_connected', message: `Base ${baseId} is not a connected Airtable base` });
      }
      await deps.db.query('DELETE FROM data_bases WHERE id = $1', [baseId]);
      deps.clients.forget(baseId);
    },
  };
}
