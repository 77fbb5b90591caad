import type { AirtableRequestHandler } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import { sleep } from '../internal/sleep';
import { batchRequest, splitAnswer } from './merge.batch';
import { mergeCandidate } from './merge.plan';
import { joinBatch, MergeQueue, type OpenBatch, type PendingWrite } from './merge.queue';
import type { Pacer, SlotRelease } from './pacing.pacer';
import type { PrepaidSlots } from './pacing.step';
import type { SchedulerStep } from './scheduler.pipeline';
import type { SchedulerStatsCollector } from './scheduler.stats';

/** Options of {@link mergeStep}. */
export interface MergeStepInput {
  pacer: Pacer;
  prepaid: PrepaidSlots;
  stats: SchedulerStatsCollector;
  /** How long a new batch waits for company before it books its slot (unless it fills first). */
  windowMs: number;
}

// Airtable refuses a whole batch for one bad record (422, 403 on a field, 404/422 on an id):
// such errors are split off; other errors (auth, outage) concern every record alike.
const SPLITTABLE = new Set(['airtable.invalid_request', 'airtable.forbidden', 'airtable.not_found']);

/**
 * Folds single-record creates, updates, replaces and deletes to one table into batch requests of
 * up to 10. A batch keeps filling until its rate-limit slot comes, so under load every request
 * carries 10 records. Each caller gets its own record or its own error: when Airtable refuses a
 * batch (atomically, so nothing was written) because of a bad record, the batch is halved and
 * the halves sent again until the bad records stand alone; one invalid record never fails others.
 */
export function mergeStep(input: MergeStepInput): SchedulerStep {
  const queue = new MergeQueue();

  const send = async (items: PendingWrite[], next: AirtableRequestHandler, slot?: SlotRelease): Promise<void> => {
    const request = items.length === 1 ? items[0]!.request : batchRequest(items);
    if (slot) input.prepaid.add(request, slot);
    if (items.length > 1) input.stats.record({ type: 'merge.batch', operation: request.operation, size: items.length });
    try {
      const response = await next(request);
      if (items.length === 1) return items[0]!.settle(response);
      const answers = splitAnswer({ candidates: items.map((item) => item.candidate), response });
      answers.forEach((answer, index) => items[index]!.settle(answer));
    } catch (error) {
      const appError = asAppError(error);
      if (items.length < 2 || !SPLITTABLE.has(appError.code)) return items.forEach((item) => item.settle(appError));
      input.stats.record({ type: 'merge.split', operation: request.operation, size: items.length });
      const middle = Math.ceil(items.length / 2);
      await Promise.all([send(items.slice(0, middle), next), send(items.slice(middle), next)]);
    } finally {
      input.prepaid.drop(request);
    }
  };

  const dispatch = async (batch: OpenBatch, baseId: string, next: AirtableRequestHandler): Promise<void> => {
    let slot: SlotRelease;
    try {
      await Promise.race([sleep(input.windowMs), batch.full]);
      slot = await input.pacer.acquire({ baseId });
    } catch (error) {
      return queue.seal(batch).forEach((item) => item.settle(asAppError(error)));
    }
    const items = queue.seal(batch);
    if (items.length > 0) await send(items, next, slot);
    else slot();
  };

  return {
    name: 'merge',
    run: (request, next) => {
      const candidate = mergeCandidate(request);
      if (!candidate) return next(request);
      const batch = queue.batchFor(candidate, (created) => void dispatch(created, candidate.baseId, next));
      return joinBatch(batch, candidate, request);
    },
  };
}

function asAppError(error: unknown): AppError {
  if (AppError.isInstance(error)) return error;
  return new AppError({ code: 'internal.unexpected', message: 'Merged Airtable write failed', cause: error });
}
