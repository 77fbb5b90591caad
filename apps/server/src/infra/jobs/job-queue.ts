import { AppError } from '@tableport/contracts';
import PgBoss from 'pg-boss';
import type { SqlExecutor } from '../db';
import type { Logger } from '../log/logger';

/** A queue and the handler that works its jobs (handlers run only in worker processes). */
export interface JobDefinition<Data extends object> {
  name: string;
  handler: (data: Data, job: { id: string; name: string; retryCount: number }) => Promise<unknown>;
  /** Retries, expiry (keep short: pg-boss 10 has no heartbeat) and dead letter queue. */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** Parallel workers for this queue in one process. */
  concurrency?: number;
  pollingIntervalSeconds?: number;
}

/** Types a job definition by its data and erases the type for registration lists. */
export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<object> {
  return definition as unknown as JobDefinition<object>;
}

/** Options of one `send`: pg-boss's, plus `tx` to enqueue inside the caller's transaction. */
export type SendOptions = Omit<PgBoss.SendOptions, 'db'> & { tx?: SqlExecutor };

/** Count of jobs per queue and state, for /metrics. */
export interface JobCount {
  queue: string;
  state: string;
  count: number;
}

/** Durable jobs on the platform database (pg-boss on PGlite or PostgreSQL). */
export interface JobQueue {
  register<Data extends object>(definition: JobDefinition<Data>): void;
  start(): Promise<void>;
  send<Data extends object>(name: string, data: Data, options?: SendOptions): Promise<string | null>;
  /** Jobs per queue and state. */
  counts(): Promise<JobCount[]>;
  ping(): Promise<number>;
  /** Stops fetching, waits for running handlers up to `timeoutMs`, then stops. */
  stop(options: { timeoutMs: number }): Promise<void>;
  readonly started: boolean;
}

const SCHEMA = 'pgboss';

/** pg-boss's `db` adapter: parameter-less (possibly multi-statement) SQL goes through `exec`. */
const asPgBossDb = (executor: SqlExecutor): PgBoss.Db => ({
  executeSql: async (text, values) =>
    values && values.length > 0 ? executor.query(text, values) : executor.exec(text),
});

/**
 * Builds the job queue. `worker: true` works registered queues and runs maintenance; otherwise the
 * process only sends jobs (role `api`). `recoverActive` fails jobs left active by a dead process
 * (safe only when this is the sole process: embedded PGlite).
 */
export function createJobQueue(options: {
  db: SqlExecutor;
  logger: Logger;
  worker: boolean;
  recoverActive: boolean;
}): JobQueue {
  const definitions = new Map<string, JobDefinition<object>>();
  const boss = new PgBoss({
    db: asPgBossDb(options.db),
    schema: SCHEMA,
    supervise: options.worker,
    schedule: options.worker,
    migrate: true,
    maintenanceIntervalSeconds: 30,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', (error) => options.logger.error({ err: error }, 'job queue error'));
  let started = false;
  let stopped = false;

  const recoverActiveJobs = async () => {
    const active = await options.db.query<{ name: string; id: string }>(
      `SELECT name, id FROM ${SCHEMA}.job WHERE state = 'active'`,
    );
    for (const row of active.rows) {
      await boss.fail(row.name, row.id, {
        message: 'the process running this job stopped; retried on restart',
      });
    }
    if (active.rows.length > 0)
      options.logger.warn({ count: active.rows.length }, 'recovered jobs left active by a previous process');
  };

  return {
    get started() {
      return started && !stopped;
    },
    register(definition) {
      if (started) throw new Error(`register queue ${definition.name} before start()`);
      definitions.set(definition.name, definition as JobDefinition<object>);
    },
    async start() {
      await boss.start();
      for (const definition of definitions.values()) {
        await boss.createQueue(definition.name, { name: definition.name, ...definition.queue });
      }
      if (options.recoverActive) await recoverActiveJobs();
      if (options.worker) {
        for (const definition of definitions.values()) await startWorkers(boss, definition, options.logger);
      }
      started = true;
    },
    async send(name, data, sendOptions = {}) {
      if (!started || stopped)
        throw new AppError({ code: 'service.unavailable', message: 'The job queue is not running' });
      const { tx, ...rest } = sendOptions;
      return boss.send(name, data, tx ? { ...rest, db: asPgBossDb(tx) } : rest);
    },
    async counts() {
      const result = await options.db.query<{ queue: string; state: string; count: number }>(
        `SELECT name AS queue, state::text AS state, count(*)::int AS count FROM ${SCHEMA}.job GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      return result.rows;
    },
    async ping() {
      const started = performance.now();
      await options.db.query(`SELECT version FROM ${SCHEMA}.version`);
      return performance.now() - started;
    },
    async stop({ timeoutMs }) {
      if (!started || stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: Math.max(timeoutMs, 1) });
    },
  };
}

async function startWorkers(boss: PgBoss, definition: JobDefinition<object>, logger: Logger): Promise<void> {
  const workOptions = {
    batchSize: 1,
    pollingIntervalSeconds: definition.pollingIntervalSeconds ?? 1,
    includeMetadata: true as const,
  };
  for (let index = 0; index < (definition.concurrency ?? 1); index++) {
    await boss.work<object>(definition.name, workOptions, async ([job]) => {
      if (!job) return;
      const log = logger.child({ job: job.id, queue: job.name, retry: job.retryCount });
      try {
        return await definition.handler(job.data, { id: job.id, name: job.name, retryCount: job.retryCount });
      } catch (error) {
        log.warn({ err: error }, 'job failed');
        throw error;
      }
    });
  }
}
