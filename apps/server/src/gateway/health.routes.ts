import { Hono } from 'hono';
import type { Metrics } from '../infra/metrics';
import type { AppEnv, ReadinessCheck } from './gateway.types';
import type { InFlight } from './middleware/request-context';

/** What /readyz says about the process. */
export interface ReadinessInfo {
  version: string;
  commit: string;
  role: string;
  startedAt: number;
}

type CheckResult = { status: 'up'; latencyMs: number; detail?: string } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 3000;

async function runCheck(check: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    const { latencyMs, detail } = await Promise.race([check.check(), timeout]);
    return { status: 'up', latencyMs: Math.round(latencyMs * 100) / 100, ...(detail ? { detail } : {}) };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** `/healthz` (alive), `/readyz` (every dependency answers; 503 with details otherwise), `/metrics`. */
export function healthRoutes(options: {
  checks: readonly ReadinessCheck[];
  info: ReadinessInfo;
  metrics: Metrics;
  inFlight: InFlight;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const entries = await Promise.all(
      options.checks.map(async (check) => [check.name, await runCheck(check)] as const),
    );
    const checks = Object.fromEntries(entries);
    const ready = !options.inFlight.shuttingDown && entries.every(([, result]) => result.status === 'up');
    options.metrics.ready.set(ready ? 1 : 0);
    const body = {
      status: ready ? 'ready' : 'not_ready',
      ...(options.inFlight.shuttingDown ? { reason: 'shutting down' } : {}),
      version: options.info.version,
      commit: options.info.commit,
      role: options.info.role,
      uptimeSeconds: Math.round((Date.now() - options.info.startedAt) / 100) / 10,
      checks,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    c.header('Content-Type', options.metrics.contentType);
    c.header('Cache-Control', 'no-store');
    return c.body(await options.metrics.render());
  });
  return app;
}
