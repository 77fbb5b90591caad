import type { AppConfig } from '../config';
import { resolveSecretKey } from '../config';
import { createEventBus } from '../comms/events';
import { createHttpApp } from '../gateway/http-app';
import type { ReadinessCheck } from '../gateway/gateway.types';
import { adminTokenAuthenticator } from '../gateway/middleware/auth';
import { createInFlight } from '../gateway/middleware/request-context';
import { migrateUp, openDatabase, type OpenedDatabase } from '../infra/db';
import { createOutboundFetch } from '../infra/http';
import { createJobQueue } from '../infra/jobs';
import { createKv } from '../infra/kv';
import type { Logger } from '../infra/log/logger';
import { createMetrics } from '../infra/metrics';
import { serverVersion, webDistDir } from '../infra/paths';
import type { AppContext, Role } from './app-context';
import { listen, type HttpServer } from './http-server';
import type { AppModule } from './module';
import { createModules } from './modules';
import { Gauge } from 'prom-client';

/** A running Tableport process. */
export interface Tableport {
  readonly url: string;
  readonly context: AppContext;
  /** Graceful: stop accepting, finish in-flight requests and jobs, close the database. */
  stop(): Promise<void>;
}

/** Options of {@link startTableport}. */
export interface StartOptions {
  config: AppConfig;
  role: Role;
  logger: Logger;
  commit?: string;
  /** Serve the built web app (default: when apps/web/dist exists). */
  serveWebApp?: boolean;
  /** An already-open database (tests pass the harness's); default: opened from config. */
  database?: OpenedDatabase;
  /** Extra modules after the built-in ones (tests use this for probes). */
  extraModules?: (context: AppContext) => AppModule[];
}

/** Boots a process: database, migrations, KV, jobs, modules, HTTP; in that order. */
export async function startTableport(options: StartOptions): Promise<Tableport> {
  const { config, role, logger } = options;
  const build = { version: serverVersion(), commit: options.commit ?? 'unknown', startedAt: Date.now() };
  const cleanup: (() => Promise<void>)[] = [];
  const bootStarted = performance.now();
  const bootMs: Record<string, number> = {};
  const mark = (phase: string) => void (bootMs[phase] = Math.round(performance.now() - bootStarted));
  try {
    const secretKey = resolveSecretKey(config);
    if (secretKey.source === 'generated') logger.info('generated a new secret key in the data dir');
    const opened = await openStorage({ config, logger, cleanup, given: options.database });
    mark('database');
    const kv = await createKv({ redisUrl: config.redis.url, keyPrefix: config.redis.keyPrefix, logger });
    cleanup.push(() => kv.close());
    const metrics = createMetrics({ version: build.version, commit: build.commit });
    const jobs = createJobQueue({
      db: opened.db,
      logger,
      worker: role !== 'api',
      recoverActive: opened.db.dialect === 'pglite',
    });
    const events = createEventBus({ db: opened.db, pubsub: kv.pubsub, logger });
    const context: AppContext = {
      config,
      role,
      logger,
      db: opened.db,
      kv,
      jobs,
      events,
      metrics,
      outbound: createOutboundFetch(config.outbound),
      secretKey: secretKey.key,
      build,
    };
    const modules = [...createModules(context), ...(options.extraModules?.(context) ?? [])];
    await startInfrastructure(context, modules, cleanup);
    mark('modules');
    const inFlight = createInFlight();
    const server = await startHttp(context, modules, inFlight, options.serveWebApp);
    opened.lock?.update({ url: server.url });
    mark('listening');
    logger.info(
      { url: server.url, role, database: opened.db.dialect, kv: kv.kind, version: build.version, bootMs },
      'tableport started',
    );
    if (!config.security.adminToken) {
      logger.warn(
        'TABLEPORT_ADMIN_TOKEN is not set: no admin token exists. Set it (at least 32 characters, e.g. `openssl rand -hex 32`) to use the API from scripts.',
      );
    }
    return {
      url: server.url,
      context,
      stop: () => stopTableport({ context, modules, server, inFlight, cleanup }),
    };
  } catch (error) {
    await runCleanup(cleanup, logger);
    throw error;
  }
}

async function openStorage(options: {
  config: AppConfig;
  logger: Logger;
  cleanup: (() => Promise<void>)[];
  given: OpenedDatabase | undefined;
}): Promise<OpenedDatabase> {
  const { logger, cleanup } = options;
  const opened = options.given ?? (await openDatabase(options.config, logger));
  cleanup.push(async () => {
    await opened.db.close();
    opened.lock?.release();
  });
  const applied = await migrateUp(opened.db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  return opened;
}

async function startInfrastructure(
  context: AppContext,
  modules: AppModule[],
  cleanup: (() => Promise<void>)[],
): Promise<void> {
  for (const module of modules) for (const job of module.jobs?.() ?? []) context.jobs.register(job);
  await context.jobs.start();
  cleanup.push(() => context.jobs.stop({ timeoutMs: context.config.server.shutdownTimeoutMs }));
  await context.events.start();
  cleanup.push(() => context.events.stop());
  registerJobMetrics(context);
  for (const module of modules) {
    await module.start?.();
    if (module.stop) cleanup.push(module.stop);
  }
}

function registerJobMetrics(context: AppContext): void {
  const gauge = new Gauge({
    name: 'tableport_jobs',
    help: 'Jobs per queue and state.',
    labelNames: ['queue', 'state'] as const,
    registers: [context.metrics.registry],
  });
  context.metrics.onCollect(async () => {
    gauge.reset();
    for (const row of await context.jobs.counts())
      gauge.set({ queue: row.queue, state: row.state }, row.count);
  });
}

function readinessChecks(context: AppContext, modules: AppModule[]): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [
    {
      name: 'database',
      check: async () => ({ latencyMs: await context.db.ping(), detail: context.db.dialect }),
    },
    { name: 'queue', check: async () => ({ latencyMs: await context.jobs.ping() }) },
  ];
  if (context.kv.kind === 'redis')
    checks.push({ name: 'redis', check: () => timed(() => context.kv.ping()) });
  return [...checks, ...modules.flatMap((module) => module.readinessChecks?.() ?? [])];
}

const timed = async (fn: () => Promise<void>) => {
  const started = performance.now();
  await fn();
  return { latencyMs: performance.now() - started };
};

async function startHttp(
  context: AppContext,
  modules: AppModule[],
  inFlight: ReturnType<typeof createInFlight>,
  serveWebApp = true,
): Promise<HttpServer> {
  const servesApi = context.role !== 'worker';
  const app = createHttpApp({
    config: context.config,
    logger: context.logger,
    metrics: context.metrics,
    inFlight,
    authenticators: [
      adminTokenAuthenticator(context.config.security.adminToken),
      ...modules.flatMap((module) => module.authenticators?.() ?? []),
    ],
    authChallenges: modules.flatMap((module) => module.authChallenges?.() ?? []),
    errorHandlers: modules.flatMap((module) => module.errorHandlers?.() ?? []),
    readiness: { checks: readinessChecks(context, modules), info: { ...context.build, role: context.role } },
    bodyLimitOverrides: modules.flatMap((module) => module.bodyLimitOverrides?.() ?? []),
    mount: (mounts) => {
      // A worker serves only /healthz, /readyz and /metrics (for probes and scraping).
      if (servesApi) for (const module of modules) module.routes?.(mounts);
    },
    webDistDir: servesApi && serveWebApp ? webDistDir() : undefined,
  });
  return listen(app, { port: context.config.server.port, host: context.config.server.host });
}

async function stopTableport(state: {
  context: AppContext;
  modules: AppModule[];
  server: HttpServer;
  inFlight: ReturnType<typeof createInFlight>;
  cleanup: (() => Promise<void>)[];
}): Promise<void> {
  const { context, server, inFlight } = state;
  if (inFlight.shuttingDown) return;
  inFlight.shuttingDown = true;
  context.logger.info({ inFlight: inFlight.count }, 'shutting down: finishing in-flight requests and jobs');
  await server.close({ timeoutMs: context.config.server.shutdownTimeoutMs });
  await runCleanup(state.cleanup, context.logger);
  context.logger.info('stopped');
}

async function runCleanup(cleanup: (() => Promise<void>)[], logger: Logger): Promise<void> {
  for (const step of [...cleanup].reverse()) {
    try {
      await step();
    } catch (error) {
      logger.error({ err: error }, 'shutdown step failed');
    }
  }
  cleanup.length = 0;
}
