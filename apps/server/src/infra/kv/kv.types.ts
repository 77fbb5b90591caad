/**
 * Small interfaces over the shared key-value services: cache, rate-limit counters and pub/sub.
 * Two adapters implement them with the same file set: `memory` (in-process, the embedded default)
 * and `redis` (ioredis, when REDIS_URL is set, shared by every node).
 */

/**
 * A TTL cache of JSON-serialisable values (memory keeps structured clones, Redis JSON).
 * Setting `undefined` deletes the key, since `get` answers `undefined` for a miss.
 */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, options: { ttlMs: number }): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes every key that starts with the prefix; returns how many were removed. */
  deleteByPrefix(prefix: string): Promise<number>;
}

/** Outcome of counting one request against a sliding window. */
export interface HitResult {
  allowed: boolean;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** When not allowed: how long until a request would be allowed. */
  retryAfterMs: number;
}

/** Outcome of reserving a slot in a spaced schedule. */
export interface ReserveResult {
  /** False when the wait would exceed `maxWaitMs`; nothing was reserved then. */
  granted: boolean;
  /** How long the caller must wait before using the slot (0 = now). */
  waitMs: number;
}

/** Rate-limit counters, exact across nodes when backed by Redis. */
export interface RateLimiter {
  /**
   * Sliding-log window: at most `limit` hits in any `windowMs`. When a hit is refused and
   * `lockoutMs` is set, the key is refused for `lockoutMs` from then on (Airtable's 30 s).
   */
  hit(key: string, options: { limit: number; windowMs: number; lockoutMs?: number }): Promise<HitResult>;
  /**
   * GCRA reservation: books the next free slot for the key, `intervalMs` apart, allowing up to
   * `burst` (default 1) slots at once. Used to pace outbound calls (Airtable: 1 per 210 ms per base).
   */
  reserve(
    key: string,
    options: { intervalMs: number; burst?: number; maxWaitMs?: number },
  ): Promise<ReserveResult>;
  /**
   * Refuses (or delays) the key until `untilEpochMs`, e.g. after an upstream 429: `hit` is refused
   * and `reserve` books slots after it, with no burst. A block only ever extends, never shortens.
   */
  block(key: string, untilEpochMs: number): Promise<void>;
  /** Milliseconds the key is still blocked for, by `block` or a `hit` lockout (0 when free). */
  blockedForMs(key: string): Promise<number>;
  /** Forgets every counter and block of the key. */
  reset(key: string): Promise<void>;
}

/**
 * Fire-and-forget messages to every node (cache invalidation, live updates). Delivery is
 * asynchronous and at most once: a node that is disconnected at the time misses the message.
 */
export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  /** Returns a function that unsubscribes. Handlers get the parsed message. */
  subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>>;
}

/** The three services plus lifecycle, built by `createKv`. */
export interface Kv {
  readonly kind: 'memory' | 'redis';
  readonly cache: Cache;
  readonly rateLimiter: RateLimiter;
  readonly pubsub: PubSub;
  /** Resolves when the backend answers; throws AppError('service.unavailable') otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link RateLimiter.hit}. */
export type HitOptions = Parameters<RateLimiter['hit']>[1];

/** Options of {@link RateLimiter.reserve}. */
export type ReserveOptions = Parameters<RateLimiter['reserve']>[1];

/** The pino-compatible subset of a logger that the adapters write to. */
export interface KvLogger {
  info(context: object, message: string): void;
  warn(context: object, message: string): void;
  error(context: object, message: string): void;
}

/** A source of epoch milliseconds; in-process adapters take one so tests can move time by hand. */
export interface KvClock {
  now(): number;
}
