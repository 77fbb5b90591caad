import type { DomainEvent } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { JobQueue } from '../../infra/jobs';
import type { UserService } from '../../platform/auth/users.service';
import type { DataSource } from '../data-source.types';
import { findBase } from '../data.registry';
import type { OutboxHandler, OutboxTransaction } from './outbox/outbox.consumer';
import { buildPayload } from './payload.build';
import { readCells, readLinkNames } from './payload.lookup';
import type { Cells, ValueContext, WebhookPayload } from './payload.types';
import { insertPayloads, listWebhookRows, reserveCursors, type WebhookRow } from './webhooks.repo';
import { PING_QUEUE } from './ping.job';

type Draft = Omit<WebhookPayload, 'baseTransactionNumber'>;

/** Payloads of one base's transactions in this batch: `[transaction index, draft]` per webhook. */
interface BasePayloads {
  baseId: string;
  transactions: number;
  byWebhook: Map<string, [number, Draft][]>;
}

/** What builds payloads: the local store (schemas, link names, current cells), users, the job queue. */
export interface PayloadDeps {
  db: Database;
  local: () => DataSource;
  jobs: JobQueue;
  users: Pick<UserService, 'get'>;
}

/**
 * Turns committed outbox events into webhook payloads: one payload per webhook per committed base
 * transaction that passes its filters, numbered per base (`baseTransactionNumber`) and per webhook
 * (cursor, from 1), stored with a ping job in the consumer's transaction.
 */
export function createPayloadHandler(deps: PayloadDeps): OutboxHandler<BasePayloads[]> {
  return {
    async prepare(transactions) {
      const perBase = splitByBase(transactions);
      if (perBase.size === 0) return [];
      const hooks = await listWebhookRows(deps.db, { baseIds: [...perBase.keys()], activeOnly: true });
      const out: BasePayloads[] = [];
      for (const [baseId, baseTransactions] of perBase) {
        const baseHooks = hooks.filter((hook) => hook.base_id === baseId);
        if (baseHooks.length > 0) out.push(await prepareBase(deps, { baseId, transactions: baseTransactions, hooks: baseHooks }));
      }
      return out;
    },
    async apply(tx, prepared) {
      for (const base of prepared) {
        const numbered = await tx.query<{ last_number: number }>(
          `INSERT INTO data_base_transactions (base_id, last_number) SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM data_bases WHERE id = $1)
           ON CONFLICT (base_id) DO UPDATE SET last_number = data_base_transactions.last_number + $2 RETURNING last_number`,
          [base.baseId, base.transactions],
        );
        const last = numbered.rows[0]?.last_number;
        if (last === undefined) continue;
        for (const [webhookId, drafts] of base.byWebhook) {
          const reserved = await reserveCursors(tx, { webhookId, count: drafts.length });
          if (!reserved) continue;
          const payloads = drafts.map(([index, draft]) => ({ ...draft, baseTransactionNumber: last - base.transactions + index + 1 }));
          await insertPayloads(tx, { webhookId, first: reserved.first, payloads });
          if (reserved.notify) await deps.jobs.send(PING_QUEUE, { webhookId }, { tx, singletonKey: webhookId });
        }
      }
    },
  };
}

function splitByBase(transactions: readonly OutboxTransaction[]): Map<string, DomainEvent[][]> {
  const perBase = new Map<string, DomainEvent[][]>();
  for (const transaction of transactions) {
    const byBase = new Map<string, DomainEvent[]>();
    for (const event of transaction.events) {
      if (event.baseId) byBase.set(event.baseId, [...(byBase.get(event.baseId) ?? []), event]);
    }
    for (const [baseId, events] of byBase) perBase.set(baseId, [...(perBase.get(baseId) ?? []), events]);
  }
  return perBase;
}

async function prepareBase(deps: PayloadDeps, input: { baseId: string; transactions: DomainEvent[][]; hooks: WebhookRow[] }): Promise<BasePayloads> {
  const result: BasePayloads = { baseId: input.baseId, transactions: input.transactions.length, byWebhook: new Map() };
  const base = await findBase(deps.db, input.baseId);
  if (!base || base.driver !== 'local') return result;
  const local = deps.local();
  const schema = await local.getBaseSchema({ base });
  const events = input.transactions.flat();
  const values = await valueContext(deps, { base, schema, events, hooks: input.hooks });
  input.transactions.forEach((transaction, index) => {
    for (const hook of input.hooks) {
      if (transaction[0]!.seq <= hook.from_seq) continue;
      const scope = hook.specification.options.filters.recordChangeScope;
      const scopeTableId = scope ? (schema.tables.find((table) => table.id === scope || table.views.some((view) => view.id === scope))?.id ?? scope) : null;
      const draft = buildPayload({ spec: hook.specification, scopeTableId, events: transaction, values });
      if (draft) result.byWebhook.set(hook.id, [...(result.byWebhook.get(hook.id) ?? []), [index, draft]]);
    }
  });
  return result;
}

async function valueContext(
  deps: PayloadDeps,
  input: { base: Parameters<DataSource['getBaseSchema']>[0]['base']; schema: Awaited<ReturnType<DataSource['getBaseSchema']>>; events: DomainEvent[]; hooks: WebhookRow[] },
): Promise<ValueContext> {
  const local = deps.local();
  const fieldById = new Map(input.schema.tables.flatMap((table) => table.fields.map((field) => [field.id, { ...field, tableId: table.id }] as const)));
  const names = await readLinkNames({ local, base: input.base, schema: input.schema, events: input.events });
  const current = new Map<string, Cells>();
  if (input.hooks.some((hook) => hook.specification.options.includes?.includeCellValuesInFieldIds)) {
    const updated = input.events.filter((event) => event.type === 'record.updated' && event.tableId);
    for (const tableId of new Set(updated.map((event) => event.tableId!))) {
      const recordIds = updated.filter((event) => event.tableId === tableId).map((event) => String(event.payload.recordId));
      for (const [id, cells] of await readCells({ local, base: input.base, tableId, recordIds })) current.set(id, cells);
    }
  }
  const users = new Map<string, Record<string, unknown>>();
  for (const userId of new Set(input.events.map((event) => event.actor.userId).filter((id): id is string => Boolean(id)))) {
    const user = await deps.users.get(userId).catch(() => null);
    users.set(userId, user ? { id: user.id, email: user.email, name: user.name } : { id: userId });
  }
  return {
    fieldById,
    linkName: (recordId) => names.get(recordId),
    currentCells: (recordId) => current.get(recordId),
    user: (userId) => (userId ? (users.get(userId) ?? { id: userId }) : { id: 'usrTableportAdmin', name: 'Tableport admin' }),
  };
}
