import type { AirtableInterceptor } from '@tableport/airtable';
import type { RateLimiter } from '../../../infra/kv';
import { cacheStep } from '../cache/cache.step';
import type { AirtableCache } from '../cache/cache.store';
import type { AnswerWindow } from './answer.window';
import { coalesceStep } from './coalesce.step';
import { mergeStep } from './merge.step';
import { createPacer, type PacingOptions } from './pacing.pacer';
import { pacingStep, PrepaidSlots } from './pacing.step';
import { retryStep } from './retry.step';
import type { RetryOptions } from './retry.policy';
import { composeSteps, observeStep, type SchedulerStep } from './scheduler.pipeline';
import type { SchedulerStatsCollector } from './scheduler.stats';

/** Everything one token's scheduler is built from. */
export interface SchedulerInput {
  limiter: RateLimiter;
  /** Hash of the token (keys and cache entries never hold the token itself). */
  tokenHash: string;
  pacing: PacingOptions;
  retry: RetryOptions;
  mergeWindowMs: number;
  cache: AirtableCache | undefined;
  stats: SchedulerStatsCollector;
  random: () => number;
  onCacheError: (error: unknown) => void;
  /** Shared by every client of the gateway (one process). */
  answerWindow: AnswerWindow;
}

/**
 * The scheduler as the client's interceptor, a pipeline of named steps:
 * cache → coalesce → merge → retry → pacing → observe → HTTP.
 */
export function buildScheduler(input: SchedulerInput): { intercept: AirtableInterceptor; steps: SchedulerStep[] } {
  const { stats } = input;
  const pacer = createPacer({
    limiter: input.limiter,
    tokenKey: `at:token:${input.tokenHash}`,
    options: input.pacing,
    answers: input.answerWindow,
  });
  const prepaid = new PrepaidSlots();
  const steps: SchedulerStep[] = [
    ...(input.cache
      ? [cacheStep({ cache: input.cache, tokenHash: input.tokenHash, stats, onError: input.onCacheError })]
      : []),
    coalesceStep({ stats }),
    mergeStep({ pacer, prepaid, stats, windowMs: input.mergeWindowMs }),
    retryStep({ limiter: input.limiter, pacer, options: input.retry, stats, random: input.random }),
    pacingStep({ pacer, prepaid }),
    observeStep(({ ok, code, request }) => {
      const base = { operation: request.operation, baseId: request.baseId };
      stats.record({ type: 'upstream.sent', ...base });
      if (!ok) stats.record({ type: 'upstream.failed', ...base, code: code ?? 'unknown' });
    }),
  ];
  return { intercept: composeSteps(steps), steps };
}
