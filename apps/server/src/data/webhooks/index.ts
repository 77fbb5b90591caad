export { createWebhooksModule } from './webhooks.module';
export { createOutboxConsumer, type OutboxConsumer, type OutboxHandler, type OutboxTransaction } from './outbox/outbox.consumer';
export { contentMac, PING_QUEUE } from './ping.job';
export type { WebhookPayload } from './payload.types';
export type { WebhookView } from './webhooks.view';
