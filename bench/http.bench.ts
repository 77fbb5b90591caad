// http: requests/s and p99 of an authenticated JSON route through Tableport's full middleware stack
// (request id, JSON access log, metrics, security headers, limits, CORS, auth, error handler) against
// a bare Hono hello-world in the same run. autocannon, 50 connections, alternating rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { startTableport } from '../apps/server/src/app/tableport';
import { loadConfig } from '../apps/server/src/config';
import { requirePrincipal } from '../apps/server/src/gateway/middleware/auth';
import { createLogger, logDestination } from '../apps/server/src/infra/log/logger';

const TOKEN = 'b'.repeat(48);
const ROUND_SECONDS = 5;
const ROUNDS = 3;

async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: 50, duration: ROUND_SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

export default async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-bench-http-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TABLEPORT_DATA_DIR: dataDir,
    TABLEPORT_ADMIN_TOKEN: TOKEN,
    // The demo base is first-start work (200 records, their events read by the audit and webhook
    // readers): it would run during the first rounds and measure that instead of the request path.
    TABLEPORT_DEMO: 'false',
  });
  // The product's log destination and level, pointed at /dev/null: the cost of logging stays in.
  const logger = createLogger({ level: 'info', destination: logDestination('/dev/null') });
  const app = await startTableport({
    config,
    role: 'all',
    logger,
    extraModules: () => [
      {
        name: 'bench',
        routes: ({ api }) => {
          api.get('/bench/echo', (c) => {
            const principal = requirePrincipal(c);
            return c.json({ ok: true, principal: principal.id, requestId: c.get('requestId') });
          });
        },
      },
    ],
  });
  const bare = new Hono();
  bare.get('/', (c) => c.json({ hello: 'world' }));
  const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => bareServer.once('listening', resolve));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as { port: number }).port}/`;
  const ourUrl = `${app.url}/api/v1/bench/echo`;
  const auth = { authorization: `Bearer ${TOKEN}` };

  await load(ourUrl, auth);
  await load(bareUrl, {});
  const ours: { rps: number; p99: number }[] = [];
  const baseline: { rps: number; p99: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    ours.push(await load(ourUrl, auth));
    baseline.push(await load(bareUrl, {}));
    console.log(
      `round ${round}: tableport ${Math.round(ours.at(-1)!.rps)} req/s p99 ${ours.at(-1)!.p99} ms | bare hono ${Math.round(baseline.at(-1)!.rps)} req/s p99 ${baseline.at(-1)!.p99} ms`,
    );
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const ourRps = mean(ours.map((r) => r.rps));
  const bareRps = mean(baseline.map((r) => r.rps));
  const ourP99 = mean(ours.map((r) => r.p99));
  const bareP99 = mean(baseline.map((r) => r.p99));
  await app.stop();
  await new Promise((resolve) => bareServer.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `http: tableport_rps=${Math.round(ourRps)} tableport_p99_ms=${ourP99.toFixed(1)} baseline_rps=${Math.round(bareRps)} baseline_p99_ms=${bareP99.toFixed(1)} ratio=${(ourRps / bareRps).toFixed(2)}`,
  );
}
