import { createServer } from 'node:net';
import { AppError } from '@tableport/contracts';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createKv } from './create-kv';
import type { KvLogger } from './kv.types';
import { recordingLogger } from './contract/contract-context';

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function errorCode(call: () => Promise<unknown>): Promise<string> {
  return call().then(
    () => 'resolved',
    (error: unknown) => (AppError.isInstance(error) ? error.code : String(error)),
  );
}

describe('createKv', () => {
  it('builds the in-process Kv without a Redis URL', async () => {
    const kv = await createKv({ keyPrefix: 'tp:', redisUrl: '' });
    expect(kv.kind).toBe('memory');
    await kv.ping();
    await kv.close();
  });

  it('accepts a pino logger', async () => {
    const logger: KvLogger = pino({ level: 'silent' });
    const kv = await createKv({ keyPrefix: 'tp:', logger });
    await kv.close();
  });

  it('refuses a REDIS_URL that is not redis:// or rediss:// without echoing it', async () => {
    const error: unknown = await createKv({ keyPrefix: 'tp:', redisUrl: 'http://user:secret@host' }).catch(
      (rejection: unknown) => rejection,
    );
    expect(AppError.isInstance(error) && error.code).toBe('config.invalid');
    expect(String((error as Error).message)).not.toContain('secret');
  });

  it('reports an unreachable Redis as service.unavailable, quickly, and closes cleanly', async () => {
    const logger = recordingLogger();
    const kv = await createKv({
      keyPrefix: 'tp:',
      redisUrl: `redis://127.0.0.1:${await unusedPort()}`,
      logger,
    });
    expect(kv.kind).toBe('redis');
    expect(await errorCode(() => kv.ping())).toBe('service.unavailable');
    expect(await errorCode(() => kv.cache.get('k'))).toBe('service.unavailable');
    expect(await errorCode(() => kv.rateLimiter.hit('k', { limit: 1, windowMs: 1_000 }))).toBe(
      'service.unavailable',
    );
    expect(await errorCode(() => kv.pubsub.subscribe('c', () => undefined))).toBe('service.unavailable');
    expect(logger.entries.some((entry) => entry.level === 'warn')).toBe(true);
    await kv.close();
    expect(await errorCode(() => kv.ping())).toBe('service.unavailable');
  }, 20_000);
});
