import type { Redis } from 'ioredis';
import type { KvLogger, PubSub } from '../kv.types';
import { deliverMessage } from '../internal/deliver-message';
import { type KvLifecycle, toKvError } from '../internal/kv-lifecycle';
import { decodeJson, encodeJson } from '../internal/message-json';

/** Options of {@link RedisPubSub}. */
export interface RedisPubSubOptions {
  /** Connection that publishes (shared with the other services). */
  publisher: Redis;
  /** Dedicated connection in subscriber mode, used by nothing else. */
  subscriber: Redis;
  keyPrefix: string;
  lifecycle: KvLifecycle;
  logger: KvLogger;
}

interface Subscription {
  handler: (message: unknown) => void;
}

interface ChannelState {
  subscriptions: Set<Subscription>;
  /** Settles when Redis has answered SUBSCRIBE for the channel. */
  subscribed: Promise<unknown>;
}

/**
 * Pub/sub over Redis: JSON messages on `<keyPrefix>pubsub:<channel>`, one Redis subscription per
 * channel however many local handlers it has. SUBSCRIBE and UNSUBSCRIBE go out on one connection
 * in the order the local state changed, so a quick unsubscribe then subscribe ends subscribed.
 */
export class RedisPubSub implements PubSub {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #namespace: string;
  readonly #lifecycle: KvLifecycle;
  readonly #logger: KvLogger;
  readonly #channels = new Map<string, ChannelState>();

  constructor(options: RedisPubSubOptions) {
    this.#publisher = options.publisher;
    this.#subscriber = options.subscriber;
    this.#namespace = `${options.keyPrefix}pubsub:`;
    this.#lifecycle = options.lifecycle;
    this.#logger = options.logger;
    this.#subscriber.on('message', (name: string, payload: string) => this.#dispatch(name, payload));
  }

  async publish(channel: string, message: unknown): Promise<void> {
    this.#lifecycle.assertOpen();
    const payload = encodeJson(message, 'Pub/sub message');
    try {
      await this.#publisher.publish(this.#namespace + channel, payload);
    } catch (error) {
      throw toKvError(error, 'Redis publish');
    }
  }

  async subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>> {
    this.#lifecycle.assertOpen();
    const name = this.#namespace + channel;
    const state = this.#channels.get(name) ?? this.#openChannel(name);
    const subscription: Subscription = { handler };
    state.subscriptions.add(subscription);
    try {
      await state.subscribed;
    } catch (error) {
      state.subscriptions.delete(subscription);
      if (this.#channels.get(name) === state) this.#channels.delete(name);
      throw toKvError(error, 'Redis subscribe');
    }
    return () => this.#unsubscribe(name, state, subscription);
  }

  #openChannel(name: string): ChannelState {
    const state: ChannelState = { subscriptions: new Set(), subscribed: this.#subscriber.subscribe(name) };
    // Observed here so a failure is never unhandled; each waiting subscriber reports it.
    state.subscribed.catch(() => undefined);
    this.#channels.set(name, state);
    return state;
  }

  async #unsubscribe(name: string, state: ChannelState, subscription: Subscription): Promise<void> {
    state.subscriptions.delete(subscription);
    if (state.subscriptions.size > 0 || this.#channels.get(name) !== state) return;
    this.#channels.delete(name);
    // After close the connection, and with it the subscription, is gone: nothing to undo.
    if (this.#lifecycle.closed) return;
    try {
      await this.#subscriber.unsubscribe(name);
    } catch (error) {
      throw toKvError(error, 'Redis unsubscribe');
    }
  }

  #dispatch(name: string, payload: string): void {
    const state = this.#channels.get(name);
    if (state === undefined || this.#lifecycle.closed) return;
    const channel = name.slice(this.#namespace.length);
    for (const subscription of [...state.subscriptions]) {
      // Each handler gets its own parsed copy, as with the in-process adapter.
      const decoded = decodeJson(payload);
      if (!decoded.ok) {
        this.#logger.warn({ err: decoded.error, channel }, 'KV pub/sub message is not JSON; dropped');
        return;
      }
      deliverMessage({
        channel,
        message: decoded.value,
        handler: subscription.handler,
        logger: this.#logger,
      });
    }
  }
}
