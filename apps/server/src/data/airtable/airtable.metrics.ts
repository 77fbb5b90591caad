import { Counter } from 'prom-client';
import type { Metrics } from '../../infra/metrics';
import type { SchedulerEvent } from './scheduler/scheduler.stats';

/**
 * Prometheus counters of the Airtable scheduler: requests sent and failed (429s included, by
 * code), retries, coalesced reads, merged writes and cache lookups.
 */
export function airtableMetrics(metrics: Metrics): (event: SchedulerEvent) => void {
  const registers = [metrics.registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers });
  const sent = counter('tableport_airtable_requests_total', 'Requests sent to Airtable (every attempt).', ['operation']);
  const failed = counter('tableport_airtable_failures_total', 'Airtable requests that failed, by error code.', ['operation', 'code']);
  const retries = counter('tableport_airtable_retries_total', 'Retried Airtable requests, by error code.', ['code']);
  const coalesced = counter('tableport_airtable_coalesced_total', 'Reads served by an identical request in flight.');
  const merged = counter('tableport_airtable_merged_writes_total', 'Single-record writes sent inside merged requests.');
  const cache = counter('tableport_airtable_cache_total', 'Cache lookups, by kind and result.', ['kind', 'result']);
  return (event) => {
    if (event.type === 'upstream.sent') sent.inc({ operation: event.operation });
    else if (event.type === 'upstream.failed') failed.inc({ operation: event.operation, code: event.code });
    else if (event.type === 'retry') retries.inc({ code: event.code });
    else if (event.type === 'coalesced') coalesced.inc();
    else if (event.type === 'merge.batch') merged.inc(event.size);
    else if (event.type === 'cache.hit') cache.inc({ kind: event.kind, result: 'hit' });
    else if (event.type === 'cache.miss') cache.inc({ kind: event.kind, result: 'miss' });
  };
}
