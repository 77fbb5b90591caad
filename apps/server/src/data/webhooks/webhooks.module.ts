import type { AppContext } from '../../app/app-context';
import type { AppModule } from '../../app/module';
import type { PlatformServices } from '../../platform/platform.module';
import type { DataSource } from '../data-source.types';
import type { V0Extension } from '../v0/v0.app';
import { createOutboxConsumer } from './outbox/outbox.consumer';
import { createPayloadHandler } from './payload.consumer';
import { pingJob } from './ping.job';
import { cleanUpWebhooks } from './webhooks.cleanup';
import { webhookRoutes } from './webhooks.routes';
import { createWebhookService } from './webhooks.service';

/** How often a background node catches up with the outbox (also resolves gaps of rolled-back writes). */
const CATCH_UP_MS = 5_000;
const CLEAN_UP_MS = 10 * 60_000;

/** Airtable-compatible webhooks: the `/v0` routes, the payload builder on the outbox, and signed pings. */
export function createWebhooksModule(
  context: AppContext,
  deps: { platform: PlatformServices; local: () => DataSource },
): { v0: V0Extension; module: AppModule } {
  const { db, logger } = context;
  const payloads = createOutboxConsumer({
    db,
    logger,
    name: 'webhook-payloads',
    handler: createPayloadHandler({ db, local: deps.local, jobs: context.jobs, users: deps.platform.users }),
  });
  const service = createWebhookService({ db, authorizer: deps.platform.authorizer, local: deps.local, secrets: deps.platform.secrets, payloads });
  const stops: (() => void)[] = [];
  return {
    v0: webhookRoutes(() => service),
    module: {
      name: 'webhooks',
      jobs: () => [pingJob({ db, outbound: context.outbound, secrets: deps.platform.secrets, jobs: context.jobs, logger })],
      // API-only nodes build payloads when asked for them; background nodes keep up as writes commit.
      start: async () => {
        if (context.role === 'api') return;
        stops.push(context.events.subscribe(['record.*', 'table.*', 'field.*'], () => payloads.trigger()));
        const catchUp = setInterval(() => payloads.trigger(), CATCH_UP_MS);
        const cleanUp = setInterval(() => void cleanUpWebhooks({ db, secrets: deps.platform.secrets }).catch((error: unknown) => logger.warn({ err: error }, 'webhook clean-up failed')), CLEAN_UP_MS);
        catchUp.unref();
        cleanUp.unref();
        stops.push(() => clearInterval(catchUp), () => clearInterval(cleanUp));
        await payloads.drain();
      },
      stop: async () => {
        for (const stop of stops.splice(0)) stop();
        await payloads.drain().catch(() => undefined);
      },
    },
  };
}
