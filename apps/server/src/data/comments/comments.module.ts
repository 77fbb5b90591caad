import type { AppContext } from '../../app/app-context';
import type { AppModule } from '../../app/module';
import type { PlatformServices } from '../../platform/platform.module';
import type { DataSource } from '../data-source.types';
import type { CommentCounter } from '../local/records/records.present';
import type { V0Extension } from '../v0/v0.app';
import { createOutboxConsumer } from '../webhooks/outbox/outbox.consumer';
import { commentCleanup } from './comments.cleanup';
import { countComments } from './comments.repo';
import { commentRoutes } from './comments.routes';
import { createCommentService } from './comments.service';

const CATCH_UP_MS = 30_000;

/**
 * Record comments: the `/v0` routes (a connected base's through its driver, to Airtable),
 * `commentCount` for lists, and removal with their records.
 */
export function createCommentsModule(
  context: AppContext,
  deps: { platform: PlatformServices; local: () => DataSource; airtable?: DataSource },
): { counter: CommentCounter; v0: V0Extension; module: AppModule } {
  const { db } = context;
  let service: ReturnType<typeof createCommentService> | undefined;
  const comments = () =>
    (service ??= createCommentService({
      db,
      events: context.events,
      authorizer: deps.platform.authorizer,
      local: deps.local(),
      ...(deps.airtable ? { airtable: deps.airtable } : {}),
      users: deps.platform.users,
    }));
  const cleanup = createOutboxConsumer({ db, logger: context.logger, name: 'comment-cleanup', handler: commentCleanup });
  const stops: (() => void)[] = [];
  return {
    counter: { count: (options) => countComments(db, options) },
    v0: commentRoutes(comments),
    module: {
      name: 'comments',
      start: async () => {
        if (context.role === 'api') return;
        stops.push(context.events.subscribe('record.deleted', () => cleanup.trigger()));
        const timer = setInterval(() => cleanup.trigger(), CATCH_UP_MS);
        timer.unref();
        stops.push(() => clearInterval(timer));
        await cleanup.drain();
      },
      stop: async () => {
        for (const stop of stops.splice(0)) stop();
      },
    },
  };
}
