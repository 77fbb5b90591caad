// airtable: the airtable driver against /v0 with Airtable's limits emulated (TABLEPORT_V0_RATE_LIMIT=5 on
// an "upstream" Tableport that plays Airtable: 5 requests in any second per base, then 30 s of 429s). The
// upstream runs in a process of its own, as Airtable runs elsewhere: its (synchronous, PGlite) work must
// not stall the driver's timers. In one run, each phase on a base of its own (no phase inherits another's
// rate window or lockout):
// - writes: 1,000 single-record creates issued at once through the driver (createAirtableGateway), which
//   merges them into 10-record requests and paces them; records/s against the ceiling of 50/s (5 req/s
//   x 10 records). ratio = that throughput / 50 (target: >= 0.9);
// - reads: 5,000 records, seeded straight into upstream's store (unpaced), read page by page through the
//   driver; records/s against the ceiling of 500/s (5 req/s x 100 records);
// - surfaced_429: 429s seen by the driver's callers (target: 0); upstream's own count of the 429s it
//   answered is printed too;
// - baseline: the same creates through airtable.js (one create per call, all at once, its own 429 retry).
//   Each 429 locks its base for 30 s and airtable.js backs off exponentially, so it runs on
//   BENCH_BASELINE_WRITES creates (default 30, about 3 minutes), not 1,000.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Airtable from 'airtable';
import { AppError } from '@tableport/contracts';
import { startTableport, type Tableport } from '../apps/server/src/app/tableport';
import { loadConfig } from '../apps/server/src/config';
import { findBase } from '../apps/server/src/data';
import { createAirtableGateway } from '../apps/server/src/data/airtable/airtable.gateway';
import { DEFAULT_PACING } from '../apps/server/src/data/airtable/scheduler/pacing.pacer';
import { upstreamAnswers } from '../apps/server/src/data/airtable/testing/driver.fixture';
import { createLocalDataSource } from '../apps/server/src/data/local/local.source';
import type { V0Server } from '../apps/server/src/data/test/v0.harness';
import { createMemoryKv } from '../apps/server/src/infra/kv';
import { createLogger } from '../apps/server/src/infra/log/logger';

const TOKEN = 'a'.repeat(48);
const WRITES = 1_000;
const READS = 5_000;
const BASELINE_WRITES = Number(process.env.BENCH_BASELINE_WRITES ?? 30);
const WRITE_CEILING = 50;
const READ_CEILING = 500;
// Airtable's window is one second: a phase starts once the previous phase's requests have left it.
const WINDOW_PAUSE_MS = 1_100;
const ROLE_ENV = 'TABLEPORT_BENCH_AIRTABLE_ROLE';

type Exchange = { sent: number; answered: number };
type UpstreamCall = { id: number; op: 'seed' | 'count'; baseId: string; tableId: string };
type UpstreamAnswer = { id: number; value?: number; error?: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rate = (records: number, ms: number) => records / (ms / 1000);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
const isRateLimited = (reason: unknown) =>
  AppError.isInstance(reason) && reason.code === 'airtable.rate_limited';

/**
 * How long the driver's pacing rules let these requests take, given the latency each one had: 210 ms
 * apart, at most 5 sends in any 1,050 ms, and each sent no sooner than 1,010 ms after the answer of
 * the 5th before it (the answer window: Airtable may count a request as late as its answer). Once
 * the latency passes 40 ms, the answer window binds: 5 requests per 1,010 ms plus the latency.
 */
function pacingBoundMs(exchanges: readonly Exchange[]): number {
  const { baseIntervalMs, baseLimit, windowMs, answerWindowMs } = DEFAULT_PACING;
  const latency = (n: number) => exchanges[n]!.answered - exchanges[n]!.sent;
  const sends: number[] = [];
  exchanges.forEach((exchange, n) => {
    const earlier = n - baseLimit;
    const paced = n === 0 ? exchange.sent : sends[n - 1]! + baseIntervalMs;
    const windowed =
      earlier < 0 ? 0 : sends[earlier]! + Math.max(windowMs, latency(earlier) + answerWindowMs);
    sends.push(Math.max(paced, windowed));
  });
  return Math.max(...sends.map((sent, n) => sent + latency(n))) - exchanges[0]!.sent;
}

/** The child process: the upstream server, seeding and counting rows in its store on request. */
async function serveUpstream(): Promise<void> {
  const app = await startTableport({
    config: loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-bench-airtable-')),
      TABLEPORT_ADMIN_TOKEN: TOKEN,
      TABLEPORT_V0_RATE_LIMIT: '5',
    }),
    role: 'all',
    logger: createLogger({ level: 'silent' }),
    serveWebApp: false,
  });
  process.on('message', (call: UpstreamCall | 'stop') => {
    if (call === 'stop') return void app.stop().then(() => process.exit(0));
    const work = call.op === 'seed' ? seed(app, call.baseId).then(() => READS) : countRows(app, call);
    work.then(
      (value) => process.send!({ id: call.id, value } satisfies UpstreamAnswer),
      (error: unknown) => process.send!({ id: call.id, error: String(error) } satisfies UpstreamAnswer),
    );
  });
  // The bench gone (finished or failed): nothing is left running.
  process.once('disconnect', () => void app.stop().finally(() => process.exit(0)));
  process.send!({ url: app.url });
}

/** Seeds the read base inside upstream, journaled nowhere: a fixture, not requests to measure. */
async function seed(app: Tableport, baseId: string): Promise<void> {
  const base = (await findBase(app.context.db, baseId))!;
  const local = createLocalDataSource({ db: app.context.db });
  const context = {
    actor: { kind: 'system' as const, id: 'bench', channel: 'import' as const },
    journal: { commit: async () => {} },
  };
  for (let start = 0; start < READS; start += 1_000) {
    const records = Array.from({ length: 1_000 }, (_, index) => ({
      fields: { Name: `row ${start + index}`, N: start + index },
    }));
    await local.createRecords({ base, tableIdOrName: 'Items', records, context });
  }
}

async function countRows(app: Tableport, table: { baseId: string; tableId: string }): Promise<number> {
  const result = await app.context.db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "${table.baseId}"."${table.tableId}"`,
  );
  return result.rows[0]!.count;
}

/** Starts the upstream process; `call` seeds or counts in its store. */
async function forkUpstream() {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [ROLE_ENV]: 'upstream' },
  });
  const waiting = new Map<number, (answer: UpstreamAnswer) => void>();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`upstream exited with ${code}`)));
    child.on('message', (message: { url?: string } & UpstreamAnswer) => {
      if (message.url) resolve(message.url);
      else waiting.get(message.id)?.(message);
    });
  });
  let ids = 0;
  const call = (input: Omit<UpstreamCall, 'id'>) =>
    new Promise<number>((resolve, reject) => {
      const id = ++ids;
      waiting.set(id, (answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer.value!)));
      child.send({ ...input, id });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send('stop');
    });
  return { url, call, stop };
}

async function createBase(url: string, name: string): Promise<{ baseId: string; tableId: string }> {
  // /v0/meta/bases names no base, so the emulation does not count it (nor does Airtable).
  const response = await fetch(`${url}/v0/meta/bases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      tables: [
        {
          name: 'Items',
          fields: [
            { name: 'Name', type: 'singleLineText' },
            { name: 'N', type: 'number', options: { precision: 0 } },
          ],
        },
      ],
    }),
  });
  const body = (await response.json()) as { id: string; tables: { id: string }[] };
  if (response.status !== 200) throw new Error(`create base: ${response.status} ${JSON.stringify(body)}`);
  return { baseId: body.id, tableId: body.tables[0]!.id };
}

export default async function run(): Promise<void> {
  const upstream = await forkUpstream();
  // upstreamAnswers reads only the server's /metrics, at its url.
  const metricsOf = { url: upstream.url } as V0Server;
  const kv = createMemoryKv({ logger: createLogger({ level: 'silent' }) });
  // Each request's send and answer (headers) times: the latency bounds the pacing (pacingBoundMs).
  const exchanges = { writes: [] as Exchange[], reads: [] as Exchange[] };
  const timedFetch: typeof fetch = async (input, init) => {
    const sent = performance.now();
    const response = await fetch(input, init);
    (init?.method === 'POST' ? exchanges.writes : exchanges.reads).push({
      sent,
      answered: performance.now(),
    });
    return response;
  };
  const gateway = createAirtableGateway({ kv, endpointUrl: upstream.url, cache: false, fetch: timedFetch });
  const client = gateway.client(TOKEN);
  try {
    const writeTable = await createBase(upstream.url, 'Driver writes');
    const readTable = await createBase(upstream.url, 'Driver reads');
    const baselineTable = await createBase(upstream.url, 'airtable.js writes');
    await upstream.call({ op: 'seed', ...readTable });
    console.log(`seeded ${READS} records into upstream (unpaced); upstream /v0 at 5 requests/s per base`);

    // Tableport: 1,000 single-record creates at once, through the driver.
    const writeStarted = performance.now();
    const written = await Promise.allSettled(
      Array.from({ length: WRITES }, (_, n) =>
        client.records.create({
          baseId: writeTable.baseId,
          tableIdOrName: 'Items',
          fields: { Name: `write ${n}`, N: n },
        }),
      ),
    );
    const writeMs = performance.now() - writeStarted;
    const writeStats = gateway.stats();
    const failedWrites = written.flatMap((outcome): unknown[] =>
      outcome.status === 'rejected' ? [outcome.reason] : [],
    );
    const stored = await upstream.call({ op: 'count', ...writeTable });
    if (stored !== WRITES - failedWrites.length)
      throw new Error(`${stored} records stored, expected ${WRITES}`);

    // Tableport: 5,000 records read page by page.
    await pause(WINDOW_PAUSE_MS);
    const readStarted = performance.now();
    let surfacedReads = 0;
    let read = 0;
    try {
      const list = await client.records.listAll({
        baseId: readTable.baseId,
        tableIdOrName: 'Items',
        cap: { records: Infinity },
      });
      read = new Set(list.records.map((record) => record.id)).size;
      if (read !== READS || list.truncated) throw new Error(`read ${read} records, expected ${READS}`);
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      surfacedReads = 1;
    }
    const readMs = performance.now() - readStarted;
    const stats = gateway.stats();
    const driverUpstream429 = await upstreamAnswers(metricsOf, 429);

    // Baseline: airtable.js, one create per call, all at once, its own 429 retry.
    await pause(WINDOW_PAUSE_MS);
    const table = new Airtable({ apiKey: TOKEN, endpointUrl: upstream.url })
      .base(baselineTable.baseId)
      .table('Items');
    const baselineStarted = performance.now();
    await Promise.all(
      Array.from({ length: BASELINE_WRITES }, (_, n) => table.create({ Name: `airtable.js ${n}`, N: n })),
    );
    const baselineMs = performance.now() - baselineStarted;
    const baseline429 = (await upstreamAnswers(metricsOf, 429)) - driverUpstream429;
    const baselineStored = await upstream.call({ op: 'count', ...baselineTable });
    if (baselineStored !== BASELINE_WRITES) throw new Error(`airtable.js stored ${baselineStored} records`);

    const surfaced = failedWrites.filter(isRateLimited).length + surfacedReads;
    if (failedWrites.length > 0)
      console.log(`writes failed: ${failedWrites.length} (${String(failedWrites[0])})`);
    const writeRate = rate(WRITES - failedWrites.length, writeMs);
    const readRate = rate(read, readMs);
    const baselineRate = rate(BASELINE_WRITES, baselineMs);
    const latencies = (list: Exchange[]) => list.map(({ sent, answered }) => answered - sent);
    const ms = (list: Exchange[], p: number) => percentile(latencies(list), p).toFixed(0);
    const seconds = (value: number) => (value / 1000).toFixed(1);
    const bySend = [...exchanges.writes].sort((a, b) => a.sent - b.sent);
    console.log(
      `tableport writes: ${WRITES} single-record creates at once in ${(writeMs / 1000).toFixed(1)} s, ${writeRate.toFixed(1)} records/s (ceiling ${WRITE_CEILING}/s); ${writeStats.upstreamRequests} requests (${writeStats.mergedBatches} merged, ${writeStats.mergedWrites} records), upstream latency p50 ${ms(exchanges.writes, 50)} ms, p90 ${ms(exchanges.writes, 90)} ms; with those latencies the pacing rules allow ${seconds(pacingBoundMs(bySend))} s from first send to last answer, the driver took ${seconds(Math.max(...bySend.map((exchange) => exchange.answered)) - bySend[0]!.sent)} s`,
    );
    console.log(
      `tableport reads: ${read} records in ${stats.upstreamRequests - writeStats.upstreamRequests} pages in ${(readMs / 1000).toFixed(1)} s, ${readRate.toFixed(0)} records/s (ceiling ${READ_CEILING}/s), upstream latency p50 ${ms(exchanges.reads, 50)} ms, p90 ${ms(exchanges.reads, 90)} ms`,
    );
    console.log(
      `tableport 429s: answered by upstream ${driverUpstream429}, retried by the driver ${stats.upstreamRateLimited}, seen by callers ${surfaced}`,
    );
    console.log(
      `airtable.js writes (baseline; ${BASELINE_WRITES} creates at once, not ${WRITES}: each 429 locks the base for 30 s): ${(baselineMs / 1000).toFixed(1)} s, ${baselineRate.toFixed(2)} records/s; 429s answered by upstream ${baseline429}, all retried by airtable.js`,
    );
    console.log(
      `airtable: write=${writeRate.toFixed(1)}rec/s read=${readRate.toFixed(0)}rec/s baseline_write=${baselineRate.toFixed(2)}rec/s baseline_records=${BASELINE_WRITES} baseline_429=${baseline429} surfaced_429=${surfaced} ratio=${(writeRate / WRITE_CEILING).toFixed(3)}`,
    );
  } finally {
    await gateway.close();
    await kv.close();
    await upstream.stop();
  }
}

if (process.env[ROLE_ENV] === 'upstream') await serveUpstream();
