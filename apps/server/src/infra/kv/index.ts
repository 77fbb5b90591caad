/** Cache, rate-limit counters and pub/sub: in process by default, on Redis when REDIS_URL is set. */
export { createKv, type CreateKvOptions } from './create-kv';
export type {
  Cache,
  HitOptions,
  HitResult,
  Kv,
  KvClock,
  KvLogger,
  PubSub,
  RateLimiter,
  ReserveOptions,
  ReserveResult,
} from './kv.types';
export { createMemoryKv, type MemoryKv, type MemoryKvOptions } from './memory/kv.memory';
export { createRedisKv, type RedisKv, type RedisKvOptions } from './redis/kv.redis';
