import type { AirtableRequest } from '@tableport/airtable';
import type { Pacer } from './pacing.pacer';
import type { SchedulerStep } from './scheduler.pipeline';

/**
 * Requests whose first attempt already holds a slot (the write merger books the slot before it
 * seals a batch, so the batch can keep filling while it waits). Retries book again.
 */
export class PrepaidSlots {
  readonly #requests = new WeakSet<AirtableRequest>();

  /** Marks the request's next pass through the pacing step as already paced. */
  add(request: AirtableRequest): void {
    this.#requests.add(request);
  }

  /** True (once) when the request held a slot. */
  take(request: AirtableRequest): boolean {
    return this.#requests.delete(request);
  }
}

/** Paces every attempt through the pacer, unless its slot was booked ahead. */
export function pacingStep(input: { pacer: Pacer; prepaid: PrepaidSlots }): SchedulerStep {
  return {
    name: 'pacing',
    run: async (request, next) => {
      if (!input.prepaid.take(request)) await input.pacer.acquire(request);
      return next(request);
    },
  };
}
