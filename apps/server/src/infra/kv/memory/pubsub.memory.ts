import { AppError } from '@tableport/contracts';
import type { KvLogger, PubSub } from '../kv.types';
import type { KvLifecycle } from '../internal/kv-lifecycle';
import { deliverMessage } from '../internal/deliver-message';

/** Options of {@link MemoryPubSub}. */
export interface MemoryPubSubOptions {
  lifecycle: KvLifecycle;
  logger: KvLogger;
}

interface Subscription {
  handler: (message: unknown) => void;
}

/**
 * In-process fan-out. Delivery is asynchronous (after `publish` returns to the event loop), and
 * each handler gets its own structured clone, as it would get its own parsed copy from Redis.
 */
export class MemoryPubSub implements PubSub {
  readonly #lifecycle: KvLifecycle;
  readonly #logger: KvLogger;
  readonly #channels = new Map<string, Set<Subscription>>();

  constructor(options: MemoryPubSubOptions) {
    this.#lifecycle = options.lifecycle;
    this.#logger = options.logger;
  }

  async publish(channel: string, message: unknown): Promise<void> {
    this.#lifecycle.assertOpen();
    // Snapshot now, so the publisher may reuse its object; `undefined` travels as null, as in JSON.
    const snapshot = cloneMessage(message ?? null);
    const subscribers = [...(this.#channels.get(channel) ?? [])];
    if (subscribers.length === 0) return;
    setImmediate(() => this.#fanOut(channel, snapshot, subscribers));
  }

  async subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>> {
    this.#lifecycle.assertOpen();
    const subscription: Subscription = { handler };
    const subscribers = this.#channels.get(channel) ?? new Set<Subscription>();
    subscribers.add(subscription);
    this.#channels.set(channel, subscribers);
    return async () => {
      subscribers.delete(subscription);
      if (subscribers.size === 0 && this.#channels.get(channel) === subscribers)
        this.#channels.delete(channel);
    };
  }

  /** Drops every subscription; messages already queued are not delivered. */
  dispose(): void {
    this.#channels.clear();
  }

  #fanOut(channel: string, snapshot: unknown, subscribers: Subscription[]): void {
    const current = this.#channels.get(channel);
    for (const subscription of subscribers) {
      // Unsubscribed (or closed) between publish and delivery: skip, as Redis would.
      if (this.#lifecycle.closed || !current?.has(subscription)) continue;
      const message = structuredClone(snapshot);
      deliverMessage({ channel, message, handler: subscription.handler, logger: this.#logger });
    }
  }
}

function cloneMessage(message: unknown): unknown {
  try {
    return structuredClone(message);
  } catch (error) {
    throw new AppError({
      code: 'internal.unexpected',
      message: 'Pub/sub message cannot be cloned',
      cause: error,
    });
  }
}
