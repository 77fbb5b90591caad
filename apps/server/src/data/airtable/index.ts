/**
 * The `airtable` driver: real Airtable reached through a scheduler (pacing per base and token,
 * retries, read coalescing, write merging) and a cache, all wrapped around packages/airtable.
 */
export { createAirtableGateway, type AirtableGateway, type AirtableGatewayOptions } from './airtable.gateway';
export { DEFAULT_CACHE_TTLS, type CacheKind, type CacheTtls } from './cache/cache.kinds';
export {
  createAirtableCache,
  type AirtableCache,
  type AirtableCacheOptions,
  type Invalidation,
} from './cache/cache.store';
export { DEFAULT_PACING, type PacingOptions } from './scheduler/pacing.pacer';
export { DEFAULT_RETRY, type RetryOptions } from './scheduler/retry.policy';
export type { SchedulerEvent, SchedulerStats } from './scheduler/scheduler.stats';
export { createAirtableModule, type AirtableServices } from './airtable.module';
export { createAirtableDataSource } from './airtable.source';
export type { AirtableContext } from './airtable.context';
export type { AirtableConnections, ConnectedBase } from './connections/connections.service';
export { FEED_JOB } from './feed/feed.job';
export { pollFeed, type PollOutcome } from './feed/feed.poller';
