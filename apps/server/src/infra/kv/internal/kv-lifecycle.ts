import { AppError } from '@tableport/contracts';

/** The error every KV call returns once its backend is unreachable or the Kv was closed. */
export function kvUnavailable(message: string, cause?: unknown): AppError {
  return new AppError({ code: 'service.unavailable', message, cause });
}

/** Maps a backend failure to `service.unavailable`, keeping AppErrors as they are. */
export function toKvError(error: unknown, what: string): AppError {
  if (AppError.isInstance(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return kvUnavailable(`${what} failed: ${reason}`, error);
}

/**
 * Open/closed state shared by the three services of one Kv, so that after `close()` every call
 * rejects with `service.unavailable` instead of reaching a closed connection or a cleared map.
 */
export class KvLifecycle {
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  /** Marks the Kv closed; returns false when it already was (close is idempotent). */
  markClosed(): boolean {
    const wasOpen = !this.#closed;
    this.#closed = true;
    return wasOpen;
  }

  /** Throws `service.unavailable` once closed. */
  assertOpen(): void {
    if (this.#closed) throw kvUnavailable('The key-value store is closed');
  }
}
