import type { OutboxHandler } from '../webhooks/outbox/outbox.consumer';
import { deleteCommentsOfRecords } from './comments.repo';

type Gone = { tableId: string; recordId: string }[];

/**
 * Deleting a record deletes its comments: this outbox handler removes them for every committed
 * `record.deleted` event, in the transaction that advances the consumer (so none is missed after a
 * crash, and a comment added before the delete committed is removed too).
 */
export const commentCleanup: OutboxHandler<Gone> = {
  async prepare(transactions) {
    return transactions.flatMap((transaction) =>
      transaction.events
        .filter((event) => event.type === 'record.deleted' && event.tableId !== null)
        .map((event) => ({ tableId: event.tableId!, recordId: String(event.payload.recordId) })),
    );
  },
  async apply(tx, gone) {
    await deleteCommentsOfRecords(tx, gone);
  },
};
