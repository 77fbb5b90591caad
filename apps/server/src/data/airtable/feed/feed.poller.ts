import { AppError, type Actor } from '@tableport/contracts';
import type { EventBus } from '../../../comms/events';
import type { Database } from '../../../infra/db';
import type { BaseEntry } from '../../data-source.types';
import { createCallJournal } from '../../data.journal';
import { findBase } from '../../data.registry';
import type { RecordChange, SchemaChange } from '../../data.types';
import type { Invalidation } from '../cache/cache.store';
import type { ConnectionClients } from '../connections/connection.clients';
import { connectionsRepo } from '../connections/connections.repo';
import type { OwnWrites } from '../source/own-writes';
import { loadSchema, lookupTable } from '../source/schema.lookup';
import { payloadChanges } from './feed.changes';
import { createFeedWebhook } from './feed.webhook';

/** What the feed reads with and writes to. */
export interface FeedDeps {
  db: Database;
  events: EventBus;
  clients: ConnectionClients;
  ownWrites: OwnWrites;
  invalidate(input: Invalidation): Promise<void>;
}

/** How a poll ended: `gone` = the base is no longer connected (stop polling it). */
export type PollOutcome = { status: 'ok'; payloads: number; events: number } | { status: 'gone' } | { status: 'waiting'; reason: string };

/** Changes made in Airtable itself are recorded as the sync channel's. */
const FEED_ACTOR: Actor = { kind: 'system', id: 'airtable-feed', userId: null, channel: 'sync' };
/** Pages of ≤ 50 payloads read per poll; the rest waits for the next poll. */
const MAX_PAGES = 20;

/**
 * Reads a connected base's new webhook payloads from its cursor and turns them into the store's
 * `record.*`/`table.*`/`field.*` events (our own writes, already announced, are skipped). Events
 * and the new cursor commit in one transaction, so a crash repeats nothing and loses nothing.
 */
export async function pollFeed(deps: FeedDeps, baseId: string): Promise<PollOutcome> {
  const base = await findBase(deps.db, baseId);
  let connection = await connectionsRepo.find(deps.db, baseId);
  if (!base || base.driver !== 'airtable' || !connection) return { status: 'gone' };
  const client = await deps.clients.clientFor(base);
  const webhookId = connection.webhookId ?? (await createFeedWebhook({ db: deps.db, client, baseId }));
  if (!webhookId) return { status: 'waiting', reason: (await connectionsRepo.find(deps.db, baseId))?.feedError ?? 'no webhook' };
  connection = (await connectionsRepo.find(deps.db, baseId))!;
  let cursor = connection.cursor;
  const totals = { payloads: 0, events: 0 };
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const read = await readPage({ deps, client, baseId, webhookId, cursor });
    if (!read) return { status: 'waiting', reason: 'the webhook expired or was deleted; a new one is made on the next poll' };
    totals.payloads += read.payloads.length;
    totals.events += await applyPage({ deps, base, payloads: read.payloads, cursor: read.cursor });
    cursor = read.cursor;
    if (!read.mightHaveMore || read.payloads.length === 0) break;
  }
  return { status: 'ok', ...totals };
}

async function readPage(input: {
  deps: FeedDeps;
  client: Awaited<ReturnType<ConnectionClients['clientFor']>>;
  baseId: string;
  webhookId: string;
  cursor: number;
}) {
  try {
    return await input.client.webhooks.listPayloads({ baseId: input.baseId, webhookId: input.webhookId, cursor: input.cursor, limit: 50 });
  } catch (error) {
    if (!AppError.isInstance(error) || error.code !== 'airtable.not_found') throw error;
    // Changes between the old webhook's end and the new one's start are not seen: drop the cache.
    await connectionsRepo.updateFeed(input.deps.db, { baseId: input.baseId, webhookId: null, cursor: 1 });
    await input.deps.invalidate({ scope: input.baseId, kinds: ['schema', 'records'] });
    return undefined;
  }
}

async function applyPage(input: {
  deps: FeedDeps;
  base: BaseEntry;
  payloads: Parameters<typeof payloadChanges>[0][];
  cursor: number;
}): Promise<number> {
  const { deps, base } = input;
  const schema = await loadSchema(await deps.clients.clientFor(base), base.id);
  const records: RecordChange[] = [];
  const schemaChanges: SchemaChange[] = [];
  const stale = new Set<'records' | 'schema' | 'bases'>();
  for (const payload of input.payloads) {
    if (payload.error) continue;
    const changes = payloadChanges(payload, (tableId) => lookupTable(schema, tableId));
    for (const change of changes.records) {
      const fieldIds = Object.keys(change.after ?? {});
      if (!(await deps.ownWrites.claim(base.id, { recordId: change.recordId, op: change.op, fieldIds }))) records.push(change);
    }
    schemaChanges.push(...changes.schema);
    for (const kind of changes.stale) stale.add(kind);
  }
  const journal = createCallJournal({ events: deps.events, actor: FEED_ACTOR, base, operation: 'airtable.sync' });
  await deps.db.transaction(async (tx) => {
    if (records.length > 0 || schemaChanges.length > 0) await journal.journal.commit(tx, { records, schema: schemaChanges });
    await connectionsRepo.updateFeed(tx, { baseId: base.id, cursor: input.cursor });
  });
  if (stale.size > 0) await deps.invalidate({ scope: base.id, kinds: [...stale] });
  return records.length + schemaChanges.length;
}
