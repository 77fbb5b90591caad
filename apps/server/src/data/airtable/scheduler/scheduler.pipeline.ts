import type { AirtableInterceptor, AirtableRequestHandler } from '@tableport/airtable';

/** One named step of the scheduler; `run` calls `next` to pass the request on, or answers itself. */
export interface SchedulerStep {
  name: string;
  run: AirtableInterceptor;
}

/**
 * Chains steps into the client's one interceptor: the first step sees the caller's request and
 * the last one's `next` is the HTTP sender. Each step stays a small function of its own.
 */
export function composeSteps(steps: readonly SchedulerStep[]): AirtableInterceptor {
  const chains = new WeakMap<AirtableRequestHandler, AirtableRequestHandler>();
  const build = (send: AirtableRequestHandler) =>
    steps.reduceRight<AirtableRequestHandler>((next, step) => (request) => step.run(request, next), send);
  return (request, send) => {
    let chain = chains.get(send);
    if (!chain) {
      chain = build(send);
      chains.set(send, chain);
    }
    return chain(request);
  };
}

/** A step that reports every attempt that reaches the HTTP sender (it sits last). */
export function observeStep(record: (event: { ok: boolean; code?: string; request: Parameters<AirtableInterceptor>[0] }) => void): SchedulerStep {
  return {
    name: 'observe',
    run: async (request, next) => {
      try {
        const response = await next(request);
        record({ ok: true, request });
        return response;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        record({ ok: false, code: typeof code === 'string' ? code : 'unknown', request });
        throw error;
      }
    },
  };
}
