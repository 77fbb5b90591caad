// Test wiring: a Kv like the run's (Redis when REDIS_URL is set, else in process) and a gateway
// pointed at a peer, with short lockouts so 429 tests do not wait Airtable's 30 s.
import { testRedisPrefix } from '../../../../test/harness';
import { createMemoryKv, createRedisKv, type Kv, type KvLogger } from '../../../infra/kv';
import { createAirtableGateway, type AirtableGateway, type AirtableGatewayOptions } from '../airtable.gateway';
import type { AirtablePeer } from './airtable.peer';

const quiet: KvLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A fresh Kv: Redis under `prefix` (one per "cluster" of nodes) when REDIS_URL is set. */
export function openTestKv(prefix: string = testRedisPrefix()): Kv {
  const url = process.env.REDIS_URL;
  return url ? createRedisKv({ url, keyPrefix: prefix, logger: quiet }) : createMemoryKv({ logger: quiet });
}

/** Lockout the tests' peers use, and that the gateways are told to wait. */
export const TEST_LOCKOUT_MS = 400;

/** A gateway on the peer, with test-friendly retry delays (overridable). */
export function gatewayOn(
  peer: AirtablePeer,
  kv: Kv,
  options: Partial<Omit<AirtableGatewayOptions, 'kv'>> = {},
): AirtableGateway {
  return createAirtableGateway({
    kv,
    endpointUrl: peer.url,
    timeoutMs: 2_000,
    ...options,
    retry: { baseDelayMs: 20, maxDelayMs: 200, lockoutMs: TEST_LOCKOUT_MS, lockoutJitterMs: 20, ...options.retry },
  });
}

/** Request times the peer logged for one base (optionally only answers with `status`). */
export const arrivals = (peer: AirtablePeer, baseId: string, status?: number): number[] =>
  peer.log.filter((entry) => entry.baseId === baseId && (status === undefined || entry.status === status)).map((entry) => entry.at);
