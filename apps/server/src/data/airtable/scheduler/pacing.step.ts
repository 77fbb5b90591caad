import type { AirtableRequest } from '@tableport/airtable';
import type { Pacer, SlotRelease } from './pacing.pacer';
import type { SchedulerStep } from './scheduler.pipeline';

/**
 * Requests whose first attempt already holds a slot: the write merger books the slot before it
 * seals a batch, so the batch can keep filling while it waits. Retries book again.
 */
export class PrepaidSlots {
  readonly #slots = new WeakMap<AirtableRequest, SlotRelease>();

  /** Hands the request's slot to its next pass through the pacing step. */
  add(request: AirtableRequest, release: SlotRelease): void {
    this.#slots.set(request, release);
  }

  /** The slot the request holds (once), if any. */
  take(request: AirtableRequest): SlotRelease | undefined {
    const release = this.#slots.get(request);
    this.#slots.delete(request);
    return release;
  }

  /** Frees a slot that was never used (the request failed before the pacing step). */
  drop(request: AirtableRequest): void {
    this.take(request)?.();
  }
}

/** Paces every attempt through the pacer (or its prepaid slot) and frees the slot once answered. */
export function pacingStep(input: { pacer: Pacer; prepaid: PrepaidSlots }): SchedulerStep {
  return {
    name: 'pacing',
    run: async (request, next) => {
      const release = input.prepaid.take(request) ?? (await input.pacer.acquire(request));
      try {
        return await next(request);
      } finally {
        release();
      }
    },
  };
}
