import type { DomainEvent } from '@tableport/contracts';
import type { Database, Transaction } from '../../../infra/db';
import type { Logger } from '../../../infra/log/logger';
import { planWindow, type ConsumerState } from './outbox.window';
import { readOutboxRows, readSnapshotBound, toDomainEvent } from './outbox.read';

/** The events one committed transaction appended (one write call: one Airtable base transaction). */
export interface OutboxTransaction {
  txid: string;
  events: DomainEvent[];
}

/** What a consumer does with committed events: read outside, then write in the consumer's transaction. */
export interface OutboxHandler<Prepared> {
  /** Runs outside any transaction (it may read through the data service). */
  prepare(transactions: readonly OutboxTransaction[]): Promise<Prepared>;
  /** Runs in the transaction that advances the consumer, with its progress row locked: effects commit with it. */
  apply(tx: Transaction, prepared: Prepared): Promise<void>;
}

/** A durable, exactly-once reader of the `domain_events` outbox. */
export interface OutboxConsumer {
  /** Starts a catch-up in the background (coalesced with one already running). */
  trigger(): void;
  /** Catches up with everything committed before the call that is safe to read; resolves when done. */
  drain(): Promise<void>;
}

const BATCH = 500;

/**
 * Builds a consumer. Progress lives in `data_outbox_consumers`; effects and progress commit in one
 * transaction, after checking that no other node advanced the same consumer meanwhile (then the
 * work is dropped and read again), so every event is handled exactly once across nodes and crashes.
 */
export function createOutboxConsumer<Prepared>(options: {
  db: Database;
  name: string;
  handler: OutboxHandler<Prepared>;
  logger: Logger;
  batchSize?: number;
}): OutboxConsumer {
  const { db, name } = options;
  const batch = options.batchSize ?? BATCH;
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;

  const step = async (): Promise<boolean> => {
    await db.query('INSERT INTO data_outbox_consumers (name, last_seq) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING', [name]);
    const state = await readState(db, name);
    const xminBeforeRead = await readSnapshotBound(db, 'xmin');
    const rows = await readOutboxRows(db, { afterSeq: state.lastSeq, limit: batch });
    const xmaxAfterRead = await readSnapshotBound(db, 'xmax');
    const plan = planWindow({ state, rows, xminBeforeRead, xmaxAfterRead, trimTail: rows.length === batch });
    if (plan.ready.length === 0 && sameState(plan.next, state)) return false;
    const prepared = await options.handler.prepare(groupByTransaction(plan.ready.map((row) => ({ txid: row.txid, event: toDomainEvent(row) }))));
    const advanced = await db.transaction(async (tx) => {
      const locked = await tx.query<{ last_seq: number }>('SELECT last_seq FROM data_outbox_consumers WHERE name = $1 FOR UPDATE', [name]);
      if (locked.rows[0]?.last_seq !== state.lastSeq) return false;
      await options.handler.apply(tx, prepared);
      await tx.query(
        'UPDATE data_outbox_consumers SET last_seq = $2, gap_below = $3, gap_horizon = $4, updated_at = now() WHERE name = $1',
        [name, plan.next.lastSeq, plan.next.gapBelow, plan.next.gapHorizon],
      );
      return true;
    });
    // Any progress (events handled, a gap found or passed) may allow more: read again until nothing moves.
    return advanced && !sameState(plan.next, state);
  };

  const drainOnce = async () => {
    while (await step());
  };
  // One run at a time per process; calls during a run share the next one, which starts after it.
  const drain = (): Promise<void> => {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = null;
      return drainOnce();
    });
    queued = next;
    chain = next.catch((error: unknown) => options.logger.error({ err: error, consumer: name }, 'outbox consumer failed'));
    return next;
  };
  return { drain, trigger: () => void drain().catch(() => undefined) };
}

async function readState(db: Database, name: string): Promise<ConsumerState> {
  const result = await db.query<{ last_seq: number; gap_below: number | null; gap_horizon: number | null }>(
    'SELECT last_seq, gap_below, gap_horizon FROM data_outbox_consumers WHERE name = $1',
    [name],
  );
  const row = result.rows[0]!;
  return { lastSeq: row.last_seq, gapBelow: row.gap_below, gapHorizon: row.gap_horizon };
}

const sameState = (a: ConsumerState, b: ConsumerState) =>
  a.lastSeq === b.lastSeq && a.gapBelow === b.gapBelow && a.gapHorizon === b.gapHorizon;

function groupByTransaction(items: readonly { txid: string; event: DomainEvent }[]): OutboxTransaction[] {
  const groups = new Map<string, OutboxTransaction>();
  for (const { txid, event } of items) {
    const group = groups.get(txid) ?? { txid, events: [] };
    group.events.push(event);
    groups.set(txid, group);
  }
  return [...groups.values()];
}
