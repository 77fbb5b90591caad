import type { AppConfig } from '../config';
import type { EventBus } from '../comms/events';
import type { Database } from '../infra/db';
import type { OutboundFetch } from '../infra/http';
import type { JobQueue } from '../infra/jobs';
import type { Kv } from '../infra/kv';
import type { Logger } from '../infra/log/logger';
import type { Metrics } from '../infra/metrics';

/** Which parts of Tableport a process runs. */
export type Role = 'all' | 'api' | 'worker';

/** The shared infrastructure every module is built from (passed in, never imported as singletons). */
export interface AppContext {
  config: AppConfig;
  role: Role;
  logger: Logger;
  db: Database;
  kv: Kv;
  jobs: JobQueue;
  events: EventBus;
  metrics: Metrics;
  /** The guarded fetch for every outbound call (SSRF guard; TABLEPORT_OUTBOUND_ALLOW). */
  outbound: OutboundFetch;
  /** 64-hex key that encrypts secrets at rest. */
  secretKey: string;
  build: { version: string; commit: string; startedAt: number };
}
