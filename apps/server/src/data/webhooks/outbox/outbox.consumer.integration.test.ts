import type { DomainEventInput } from '@tableport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness';
import { createEventBus, type EventBus } from '../../../comms/events';
import type { Database } from '../../../infra/db';
import { createKv } from '../../../infra/kv';
import type { Kv } from '../../../infra/kv';
import { createLogger } from '../../../infra/log/logger';
import { createOutboxConsumer, type OutboxTransaction } from './outbox.consumer';

const logger = createLogger({ level: 'silent' });
let db: Database;
let kv: Kv;
let events: EventBus;

const event = (recordId: string): DomainEventInput => ({
  type: 'record.created',
  baseId: 'appConsumerTest001',
  tableId: 'tblConsumerTest001',
  actor: { kind: 'system', id: 'system', channel: 'system' },
  payload: { recordId },
});
const write = (...recordIds: string[]) => db.transaction((tx) => events.append(tx, recordIds.map(event)));

/** A consumer that records what it was handed, in the consumer's transaction. */
function recordingConsumer(name: string, batchSize?: number) {
  const handled: OutboxTransaction[][] = [];
  const consumer = createOutboxConsumer<OutboxTransaction[]>({
    db,
    name,
    logger,
    ...(batchSize ? { batchSize } : {}),
    handler: {
      prepare: async (transactions) => transactions.filter((transaction) => transaction.events.some((e) => e.baseId === 'appConsumerTest001')),
      apply: async (_tx, transactions) => void (transactions.length > 0 && handled.push([...transactions])),
    },
  });
  const recordIds = () => handled.flat().map((transaction) => transaction.events.map((e) => e.payload.recordId));
  return { consumer, handled, recordIds };
}

beforeAll(async () => {
  db = await createTestDatabase();
  kv = await createKv({ redisUrl: undefined, keyPrefix: 'test:', logger });
  events = createEventBus({ db, pubsub: kv.pubsub, logger });
});
afterAll(async () => {
  await kv?.close();
  await db?.close();
});

describe('outbox consumer', () => {
  it('hands on each committed transaction once, its events together, in commit order', async () => {
    const { consumer, recordIds } = recordingConsumer('test-once');
    await write('a1', 'a2');
    await write('b1');
    await consumer.drain();
    await consumer.drain();
    expect(recordIds()).toEqual([['a1', 'a2'], ['b1']]);
    await write('c1');
    await Promise.all([consumer.drain(), consumer.drain()]);
    expect(recordIds()).toEqual([['a1', 'a2'], ['b1'], ['c1']]);
  });

  it('skips the seq of a rolled-back write and goes on', async () => {
    const { consumer, recordIds } = recordingConsumer('test-rollback');
    await consumer.drain();
    const before = recordIds().length;
    await expect(
      db.transaction(async (tx) => {
        await events.append(tx, [event('lost')]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await write('after');
    await consumer.drain();
    expect(recordIds().slice(before)).toEqual([['after']]);
  });

  it('two consumers on one name (two nodes) never hand on an event twice', async () => {
    const first = recordingConsumer('test-shared', 2);
    const second = recordingConsumer('test-shared', 2);
    await Promise.all([write('x1'), write('x2'), write('x3')]);
    await Promise.all([first.consumer.drain(), second.consumer.drain(), first.consumer.drain()]);
    const all = [...first.recordIds(), ...second.recordIds()].flat();
    const mine = all.filter((id) => String(id).startsWith('x'));
    expect(mine.sort()).toEqual(['x1', 'x2', 'x3']);
  });

  it('keeps a full batch’s last transaction whole', async () => {
    const { consumer, recordIds } = recordingConsumer('test-batch', 3);
    await consumer.drain();
    const before = recordIds().length;
    await write('p1', 'p2');
    await write('q1', 'q2');
    await consumer.drain();
    expect(recordIds().slice(before)).toEqual([['p1', 'p2'], ['q1', 'q2']]);
  });
});
