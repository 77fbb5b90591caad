import type { AirtableRequest, AirtableRequestHandler, AirtableResponse } from '@tableport/airtable';
import { digest, requestIdentity } from '../internal/hash';
import type { SchedulerStep } from '../scheduler/scheduler.pipeline';
import type { SchedulerStatsCollector } from '../scheduler/scheduler.stats';
import { cacheScope, invalidatedKinds, readKind, type CacheKind } from './cache.kinds';
import type { AirtableCache } from './cache.store';

/** Options of {@link cacheStep}. */
export interface CacheStepInput {
  cache: AirtableCache;
  /** A hash of the token: answers are kept per token, since tokens may see different bases. */
  tokenHash: string;
  stats: SchedulerStatsCollector;
  /** Cache trouble (Redis down) never fails a call; it is reported here. */
  onError: (error: unknown) => void;
}

/**
 * Answers cached reads from the cache and fills it on a miss; after every write (whatever its
 * outcome: a timed-out write may have been applied) drops the kinds the write makes stale.
 */
export function cacheStep(input: CacheStepInput): SchedulerStep {
  return {
    name: 'cache',
    run: async (request, next) => {
      const kind = readKind(request);
      if (kind) return cachedRead({ ...input, request, next, kind });
      const kinds = invalidatedKinds(request);
      if (kinds.length === 0) return next(request);
      try {
        return await next(request);
      } finally {
        await input.cache
          .invalidate({ scope: cacheScope(request, kinds[0]!), kinds })
          .catch((error: unknown) => input.onError(error));
      }
    },
  };
}

async function cachedRead(
  input: CacheStepInput & { request: AirtableRequest; next: AirtableRequestHandler; kind: CacheKind },
): Promise<AirtableResponse> {
  const { cache, request, kind, stats } = input;
  // The key is taken before the call: an invalidation while it runs moves on to a new version,
  // so this (possibly stale) answer is stored where nobody reads any more.
  const key = await cache
    .namespace({ scope: cacheScope(request, kind), kind })
    .then((namespace) => `${namespace}${input.tokenHash}:${digest(requestIdentity(request))}`)
    .catch((error: unknown) => void input.onError(error));
  const hit = key === undefined ? undefined : await cache.get(key).catch((error: unknown) => void input.onError(error));
  if (hit) {
    stats.record({ type: 'cache.hit', kind });
    return { status: hit.status, headers: new Headers({ 'x-tableport-cache': 'hit' }), body: hit.body };
  }
  stats.record({ type: 'cache.miss', kind });
  const response = await input.next(request);
  if (key !== undefined) {
    await cache.set(key, { status: response.status, body: response.body }, kind).catch((error: unknown) => input.onError(error));
  }
  return response;
}
