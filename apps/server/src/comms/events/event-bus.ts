import { newId, type DomainEvent, type DomainEventInput, type EventType } from '@tableport/contracts';
import type { SqlExecutor, Transaction } from '../../infra/db';
import type { PubSub } from '../../infra/kv/kv.types';
import type { Logger } from '../../infra/log/logger';

/** Receives committed events; `origin` says whether this process or another node committed them. */
export type EventHandler = (event: DomainEvent, meta: { origin: 'local' | 'remote' }) => void | Promise<void>;

/** The domain event bus: outbox append inside the writer's transaction, dispatch after commit. */
export interface EventBus {
  /** Inserts the events in the transaction; subscribers get them only after it commits. */
  append(tx: Transaction, events: readonly DomainEventInput[]): Promise<DomainEvent[]>;
  /** Subscribes to event types (`record.*` style prefixes allowed, `*` for all). Returns unsubscribe. */
  subscribe(types: string | readonly string[], handler: EventHandler): () => void;
  /** Events after `afterSeq`, oldest first (consumers that read the outbox durably). */
  readSince(afterSeq: number, options: { limit: number; baseId?: string }): Promise<DomainEvent[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const CHANNEL = 'events';

const matches = (pattern: string, type: EventType) =>
  pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1)));

interface EventRow {
  seq: number;
  id: string;
  type: EventType;
  workspace_id: string | null;
  base_id: string | null;
  table_id: string | null;
  actor: DomainEvent['actor'];
  payload: Record<string, unknown>;
  occurred_at: Date;
}

const toEvent = (row: EventRow): DomainEvent => ({
  seq: row.seq,
  id: row.id,
  type: row.type,
  workspaceId: row.workspace_id,
  baseId: row.base_id,
  tableId: row.table_id,
  actor: row.actor,
  payload: row.payload,
  occurredAt: row.occurred_at.toISOString(),
});

/**
 * Builds the bus. With a shared PubSub (Redis), committed events also reach subscribers on other
 * nodes (cache invalidation, live updates); durable consumers read the outbox with `readSince`.
 */
export function createEventBus(options: { db: SqlExecutor; pubsub: PubSub; logger: Logger }): EventBus {
  const nodeId = newId('evt');
  const subscribers = new Set<{ patterns: readonly string[]; handler: EventHandler }>();
  let unsubscribeRemote: (() => Promise<void>) | undefined;

  const dispatch = async (events: readonly DomainEvent[], origin: 'local' | 'remote') => {
    for (const event of events) {
      for (const subscriber of subscribers) {
        if (!subscriber.patterns.some((pattern) => matches(pattern, event.type))) continue;
        try {
          await subscriber.handler(event, { origin });
        } catch (error) {
          options.logger.error({ err: error, event: event.id, type: event.type }, 'event subscriber failed');
        }
      }
    }
  };

  return {
    async append(tx, inputs) {
      if (inputs.length === 0) return [];
      const values: unknown[] = [];
      const tuples = inputs.map((input, index) => {
        values.push(
          newId('evt'),
          input.type,
          input.workspaceId ?? null,
          input.baseId ?? null,
          input.tableId ?? null,
          input.actor,
          input.payload,
        );
        const base = index * 7;
        return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}::jsonb, $${base + 7}::jsonb)`;
      });
      const result = await tx.query<EventRow>(
        `INSERT INTO domain_events (id, type, workspace_id, base_id, table_id, actor, payload)
         VALUES ${tuples.join(', ')}
         RETURNING seq, id, type, workspace_id, base_id, table_id, actor, payload, occurred_at`,
        values.map((value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : value)),
      );
      const events = result.rows.map(toEvent);
      tx.afterCommit(async () => {
        await dispatch(events, 'local');
        await options.pubsub.publish(CHANNEL, { nodeId, events }).catch((error: unknown) => {
          options.logger.warn({ err: error }, 'could not publish events to other nodes');
        });
      });
      return events;
    },
    subscribe(types, handler) {
      const entry = { patterns: typeof types === 'string' ? [types] : types, handler };
      subscribers.add(entry);
      return () => void subscribers.delete(entry);
    },
    async readSince(afterSeq, { limit, baseId }) {
      const result = await options.db.query<EventRow>(
        `SELECT seq, id, type, workspace_id, base_id, table_id, actor, payload, occurred_at FROM domain_events
         WHERE seq > $1 AND ($2::text IS NULL OR base_id = $2) ORDER BY seq LIMIT $3`,
        [afterSeq, baseId ?? null, limit],
      );
      return result.rows.map(toEvent);
    },
    async start() {
      unsubscribeRemote = await options.pubsub.subscribe(CHANNEL, (message) => {
        const { nodeId: from, events } = message as { nodeId: string; events: DomainEvent[] };
        if (from !== nodeId) void dispatch(events, 'remote');
      });
    },
    async stop() {
      await unsubscribeRemote?.();
      subscribers.clear();
    },
  };
}
