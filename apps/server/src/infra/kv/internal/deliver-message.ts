import type { KvLogger } from '../kv.types';

/** Input of {@link deliverMessage}. */
export interface DeliveryOptions {
  channel: string;
  message: unknown;
  handler: (message: unknown) => void;
  logger: KvLogger;
}

/**
 * Calls one subscriber. A handler that throws (or returns a rejected promise) is logged and never
 * reaches the publisher or the other handlers: pub/sub is fire-and-forget.
 */
export function deliverMessage({ channel, message, handler, logger }: DeliveryOptions): void {
  const logFailure = (error: unknown) => logger.error({ err: error, channel }, 'KV pub/sub handler failed');
  try {
    const outcome: unknown = handler(message);
    if (isPromiseLike(outcome)) outcome.then(undefined, logFailure);
  } catch (error) {
    logFailure(error);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
