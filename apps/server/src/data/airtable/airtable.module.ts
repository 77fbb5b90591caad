import type { AppContext } from '../../app/app-context';
import type { AppModule } from '../../app/module';
import type { PlatformServices } from '../../platform/platform.types';
import type { DataSource } from '../data-source.types';
import { createAirtableGateway, type AirtableGateway } from './airtable.gateway';
import type { Invalidation } from './cache/cache.store';
import { airtableMetrics } from './airtable.metrics';
import { createAirtableDataSource } from './airtable.source';
import { createConnectionClients } from './connections/connection.clients';
import { connectionsRepo } from './connections/connections.repo';
import { connectionRoutes } from './connections/connections.routes';
import { createAirtableConnections, type AirtableConnections } from './connections/connections.service';
import { createTokenSource } from './connections/token.source';
import { feedJob, scheduleFeed } from './feed/feed.job';
import { createOwnWrites } from './source/own-writes';

/** What the airtable module offers: the driver for the data service, and connections. */
export interface AirtableServices {
  source: DataSource;
  connections: AirtableConnections;
  gateway: AirtableGateway;
}

/**
 * The real-Airtable driver as a module: the scheduled gateway (over the outbound guard, limits and
 * cache on the shared KV), the `airtable` DataSource, connecting bases, and the change feed job.
 */
export function createAirtableModule(context: AppContext, options: { platform: PlatformServices }): { module: AppModule; services: AirtableServices } {
  const { config, db, kv, jobs } = context;
  const gateway = createAirtableGateway({
    kv,
    endpointUrl: config.airtable.url,
    contentEndpointUrl: config.airtable.contentUrl,
    // The client times each request itself; the guard's own deadline only has to be longer.
    fetch: (input, init) => context.outbound(input as string | URL, { ...init, timeoutMs: 120_000 }),
    onEvent: airtableMetrics(context.metrics),
    onCacheError: (error) => context.logger.warn({ err: error }, 'airtable cache unavailable'),
  });
  const cache = gateway.cache;
  const invalidate = (input: Invalidation) => (cache ? cache.invalidate(input) : Promise.resolve());
  const tokens = createTokenSource({ secrets: options.platform.secrets, configToken: config.airtable.token });
  const clients = createConnectionClients({ db, gateway, tokens });
  const ownWrites = createOwnWrites(kv.cache);
  const source = createAirtableDataSource({ db, clientFor: (base) => clients.clientFor(base), ownWrites, invalidate });
  const feed = { db, events: context.events, clients, ownWrites, invalidate };
  const startFeed = (baseId: string) => scheduleFeed({ jobs, baseId, delaySeconds: 0 });
  const connections = createAirtableConnections({
    db,
    events: context.events,
    authorizer: options.platform.authorizer,
    secrets: options.platform.secrets,
    gateway,
    clients,
    configToken: config.airtable.token,
    startFeed,
  });
  const intervalSeconds = config.airtable.feedIntervalSeconds;
  return {
    services: { source, connections, gateway },
    module: {
      name: 'airtable',
      jobs: () => [feedJob({ deps: feed, jobs, logger: context.logger, intervalSeconds })],
      routes: ({ api }) => void api.route('/', connectionRoutes(connections)),
      start: async () => {
        await gateway.start();
        // Every connected base polls; `stately` turns a second start (another node) into a no-op.
        for (const connection of await connectionsRepo.all(db)) await startFeed(connection.baseId);
      },
      stop: () => gateway.close(),
    },
  };
}
