import { defineJob, type JobDefinition, type JobQueue } from '../../../infra/jobs';
import type { Logger } from '../../../infra/log/logger';
import { pollFeed, type FeedDeps } from './feed.poller';

/** The queue of change-feed polls: one job per connected base, each scheduling the next. */
export const FEED_JOB = 'airtable.feed.poll';

/** Queues the base's next poll; `stately` keeps at most one waiting per base. */
export async function scheduleFeed(input: { jobs: JobQueue; baseId: string; delaySeconds: number }): Promise<void> {
  await input.jobs.send(FEED_JOB, { baseId: input.baseId }, { singletonKey: input.baseId, startAfter: input.delaySeconds });
}

/**
 * The poll job: reads the base's payloads, then queues the next poll `intervalSeconds` later (a
 * failure waits longer, up to 5 minutes). The chain ends when the base is disconnected.
 */
export function feedJob(input: { deps: FeedDeps; jobs: JobQueue; logger: Logger; intervalSeconds: number }): JobDefinition<object> {
  const failures = new Map<string, number>();
  return defineJob<{ baseId: string }>({
    name: FEED_JOB,
    queue: { policy: 'stately', retryLimit: 0, expireInSeconds: 300 },
    handler: async ({ baseId }) => {
      let delaySeconds = input.intervalSeconds;
      try {
        const outcome = await pollFeed(input.deps, baseId);
        if (outcome.status === 'gone') return failures.delete(baseId);
        if (outcome.status === 'waiting') input.logger.info({ baseId, reason: outcome.reason }, 'airtable feed waiting');
        failures.delete(baseId);
      } catch (error) {
        const count = (failures.get(baseId) ?? 0) + 1;
        failures.set(baseId, count);
        delaySeconds = Math.min(300, input.intervalSeconds * 2 ** count);
        input.logger.warn({ err: error, baseId, retryInSeconds: delaySeconds }, 'airtable feed poll failed');
      }
      await scheduleFeed({ jobs: input.jobs, baseId, delaySeconds });
    },
  });
}
