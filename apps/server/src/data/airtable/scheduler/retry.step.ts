import type { RateLimiter } from '../../../infra/kv';
import { sleep } from '../internal/sleep';
import type { Pacer } from './pacing.pacer';
import { decideRetry, type RetryOptions } from './retry.policy';
import type { SchedulerStep } from './scheduler.pipeline';
import type { SchedulerStatsCollector } from './scheduler.stats';

/** Options of {@link retryStep}. */
export interface RetryStepInput {
  limiter: RateLimiter;
  pacer: Pacer;
  options: RetryOptions;
  stats: SchedulerStatsCollector;
  random: () => number;
}

/**
 * Retries failed attempts by {@link decideRetry}. A 429 blocks the base (or the token, for
 * token-wide calls) in the shared limiter first, so every caller on every node waits it out.
 */
export function retryStep(input: RetryStepInput): SchedulerStep {
  const { limiter, pacer, options, stats, random } = input;
  return {
    name: 'retry',
    run: async (request, next) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await next(request);
        } catch (error) {
          const decision = decideRetry({ error, request, attempt, options, random });
          if (decision.kind === 'fail') throw error;
          const code = (error as { code: string }).code;
          if (decision.kind === 'lockout') {
            const keys = pacer.keys(request);
            await limiter.block(keys.base ?? keys.token, Date.now() + decision.blockMs);
            stats.record({ type: 'rate_limited', baseId: request.baseId, blockMs: decision.blockMs });
          }
          stats.record({ type: 'retry', operation: request.operation, attempt, delayMs: decision.delayMs, code });
          await sleep(decision.delayMs, request.signal);
        }
      }
    },
  };
}
