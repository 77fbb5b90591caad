import type { AirtableRequest, AirtableResponse } from '@tableport/airtable';
import { MAX_RECORDS_PER_WRITE } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import { abortedError } from '../internal/sleep';
import type { MergeCandidate } from './merge.plan';

/** One caller's write waiting in a batch; `settle` answers the caller once. */
export interface PendingWrite {
  candidate: MergeCandidate;
  request: AirtableRequest;
  settled: boolean;
  settle(outcome: AirtableResponse | AppError): void;
}

/** A batch being filled; `full` resolves when it holds 10 writes. */
export interface OpenBatch {
  key: string;
  items: PendingWrite[];
  full: Promise<void>;
  markFull(): void;
}

/** The batches still taking writes, per merge key. */
export class MergeQueue {
  readonly #open = new Map<string, OpenBatch[]>();

  /**
   * The first open batch with room that does not already write this record (two writes of one
   * record in one request would be ambiguous), or a new one, reported through `onCreate`.
   */
  batchFor(candidate: MergeCandidate, onCreate: (batch: OpenBatch) => void): OpenBatch {
    const batches = this.#open.get(candidate.key) ?? [];
    const fits = (batch: OpenBatch) =>
      batch.items.length < MAX_RECORDS_PER_WRITE &&
      (candidate.recordId === undefined ||
        !batch.items.some((item) => item.candidate.recordId === candidate.recordId));
    const existing = batches.find(fits);
    if (existing) return existing;
    let markFull = () => undefined as void;
    const full = new Promise<void>((resolve) => (markFull = resolve));
    const batch: OpenBatch = { key: candidate.key, items: [], full, markFull: () => markFull() };
    batches.push(batch);
    this.#open.set(candidate.key, batches);
    onCreate(batch);
    return batch;
  }

  /** Stops the batch taking writes; answers the writes still waiting in it. */
  seal(batch: OpenBatch): PendingWrite[] {
    const batches = this.#open.get(batch.key) ?? [];
    const index = batches.indexOf(batch);
    if (index !== -1) batches.splice(index, 1);
    if (batches.length === 0) this.#open.delete(batch.key);
    return batch.items.filter((item) => !item.settled);
  }
}

/** Adds a caller's write to a batch; the promise settles with its own answer or error. */
export function joinBatch(batch: OpenBatch, candidate: MergeCandidate, request: AirtableRequest): Promise<AirtableResponse> {
  return new Promise<AirtableResponse>((resolve, reject) => {
    const pending: PendingWrite = {
      candidate,
      request,
      settled: false,
      settle: (outcome) => {
        if (pending.settled) return;
        pending.settled = true;
        request.signal?.removeEventListener('abort', onAbort);
        if (AppError.isInstance(outcome)) reject(outcome);
        else resolve(outcome);
      },
    };
    const onAbort = () => pending.settle(abortedError(request.signal!));
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    batch.items.push(pending);
    if (batch.items.length >= MAX_RECORDS_PER_WRITE) batch.markFull();
  });
}
