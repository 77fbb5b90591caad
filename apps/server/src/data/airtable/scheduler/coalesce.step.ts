import type { AirtableRequest, AirtableResponse } from '@tableport/airtable';
import { requestIdentity } from '../internal/hash';
import { raceSignal } from '../internal/sleep';
import type { SchedulerStep } from './scheduler.pipeline';
import type { SchedulerStatsCollector } from './scheduler.stats';

/** True for calls that only read: GETs and the POST form of list records. */
export const isRead = (request: AirtableRequest): boolean =>
  request.method === 'GET' || request.operation === 'records.list';

/**
 * Identical concurrent reads share one request. The shared request runs without any caller's
 * signal (one caller giving up must not fail the others); each caller still stops waiting on its
 * own signal, and gets its own copy of the body.
 */
export function coalesceStep(input: { stats: SchedulerStatsCollector }): SchedulerStep {
  const inFlight = new Map<string, Promise<AirtableResponse>>();
  return {
    name: 'coalesce',
    run: (request, next) => {
      if (!isRead(request)) return next(request);
      const key = requestIdentity(request);
      const shared = inFlight.get(key);
      if (shared) {
        input.stats.record({ type: 'coalesced', operation: request.operation });
        return raceSignal(shared.then(copyResponse), request.signal);
      }
      const leader = next({ ...request, signal: undefined }).finally(() => inFlight.delete(key));
      inFlight.set(key, leader);
      return raceSignal(leader, request.signal);
    },
  };
}

/** A response whose body the receiver may change without touching anyone else's. */
export function copyResponse(response: AirtableResponse): AirtableResponse {
  return { status: response.status, headers: new Headers(response.headers), body: structuredClone(response.body) };
}
