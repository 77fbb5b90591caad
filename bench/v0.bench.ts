// v0: the Airtable-compatible API over the embedded store. 100,000 records; one list with a filter and
// a sort read page by page through HTTP (records/s, p99 per page) against the same query as one direct
// SQL statement in the same run (ratio = HTTP time / SQL time); then 10,000 creates in batches of 10.
// DATABASE_URL set: runs on PostgreSQL instead of the embedded PGlite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTableport } from '../apps/server/src/app/tableport';
import { loadConfig } from '../apps/server/src/config';
import { findBase, type BaseEntry } from '../apps/server/src/data';
import { createLocalDataSource } from '../apps/server/src/data/local/local.source';
import type { Database } from '../apps/server/src/infra/db';
import { createLogger } from '../apps/server/src/infra/log/logger';

const TOKEN = 'v'.repeat(48);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const CREATES = 10_000;
const STATUSES = ['Open', 'Closed', 'Blocked', 'Review', 'Later'];
const FILTER = "AND({Amount} >= 250, {Status} = 'Open')";

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export default async function run(): Promise<void> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-bench-v0-')),
    TABLEPORT_ADMIN_TOKEN: TOKEN,
    ...(process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL, TABLEPORT_SECRET_KEY: 'ab'.repeat(32) }
      : {}),
  });
  const app = await startTableport({
    config,
    role: 'all',
    logger: createLogger({ level: 'silent' }),
    serveWebApp: false,
  });
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${app.url}${url}`, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    const base = (await call('POST', '/v0/meta/bases', {
      name: 'Bench',
      tables: [
        {
          name: 'Orders',
          fields: [
            { name: 'Name', type: 'singleLineText' },
            { name: 'Amount', type: 'number', options: { precision: 2 } },
            {
              name: 'Status',
              type: 'singleSelect',
              options: { choices: STATUSES.map((name) => ({ name })) },
            },
            { name: 'Due', type: 'date' },
            { name: 'Note', type: 'multilineText' },
          ],
        },
      ],
    })) as {
      id: string;
      tables: {
        id: string;
        fields: { id: string; name: string; options?: { choices?: { id: string; name: string }[] } }[];
      }[];
    };
    const table = base.tables[0]!;
    const entry = await findBase(app.context.db, base.id);
    await seed(app.context.db, entry!);
    console.log(`seeded ${RECORDS} records`);

    // The same list through HTTP, all pages.
    const query = `filterByFormula=${encodeURIComponent(FILTER)}&sort%5B0%5D%5Bfield%5D=Amount&sort%5B0%5D%5Bdirection%5D=desc&pageSize=100`;
    const pageMs: number[] = [];
    let listed = 0;
    const httpStarted = performance.now();
    let offset: string | undefined;
    do {
      const started = performance.now();
      const page = (await call(
        'GET',
        `/v0/${base.id}/Orders?${query}${offset ? `&offset=${encodeURIComponent(offset)}` : ''}`,
      )) as { records: unknown[]; offset?: string };
      pageMs.push(performance.now() - started);
      listed += page.records.length;
      offset = page.offset;
    } while (offset);
    const httpMs = performance.now() - httpStarted;

    // The same query as one SQL statement.
    const field = (name: string) => table.fields.find((candidate) => candidate.name === name)!;
    const open = field('Status').options!.choices!.find((choice) => choice.name === 'Open')!.id;
    const sqlStarted = performance.now();
    const sqlRows = await app.context.db.query(
      `SELECT * FROM "${base.id}"."${table.id}" WHERE "${field('Amount').id}" >= 250 AND "${field('Status').id}" = $1 ORDER BY "${field('Amount').id}" DESC, seq`,
      [open],
    );
    const sqlMs = performance.now() - sqlStarted;
    if (sqlRows.rows.length !== listed)
      throw new Error(`HTTP listed ${listed} records, SQL ${sqlRows.rows.length}`);

    // 10,000 creates through HTTP in batches of 10, four clients at a time.
    const createStarted = performance.now();
    const batches = CREATES / 10;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < batches) {
          const batch = next++;
          await call('POST', `/v0/${base.id}/Orders`, {
            records: Array.from({ length: 10 }, (_, index) => ({
              fields: { Name: `new ${batch}-${index}`, Amount: index * 10, Status: 'Open' },
            })),
          });
        }
      }),
    );
    const createMs = performance.now() - createStarted;

    const listRate = Math.round(listed / (httpMs / 1000));
    const createRate = Math.round(CREATES / (createMs / 1000));
    const ratio = httpMs / sqlMs;
    console.log(
      `list: ${listed} records in ${pageMs.length} pages, ${httpMs.toFixed(0)} ms, ${listRate} records/s, p50 ${percentile(pageMs, 50).toFixed(1)} ms, p99 ${percentile(pageMs, 99).toFixed(1)} ms per page (first page ${pageMs[0]!.toFixed(1)} ms)`,
    );
    console.log(`sql:  ${sqlRows.rows.length} rows in ${sqlMs.toFixed(1)} ms`);
    console.log(
      `create: ${CREATES} records in batches of 10 in ${createMs.toFixed(0)} ms, ${createRate} records/s`,
    );
    console.log(
      `v0: list=${listRate}rec/s page_p99=${percentile(pageMs, 99).toFixed(1)}ms sql=${sqlMs.toFixed(0)}ms create=${createRate}rec/s ratio=${ratio.toFixed(2)}`,
    );
  } finally {
    await app.stop();
  }
}

/**
 * 100,000 records straight through the local driver in batches of 1,000, journaled nowhere: a fixture,
 * not writes to measure. (Journaled, they would leave the app's durable outbox readers, the audit log
 * and webhooks, a 100k-event backlog to work through while the list is measured.)
 */
async function seed(db: Database, base: BaseEntry): Promise<void> {
  const local = createLocalDataSource({ db });
  const context = {
    actor: { kind: 'system' as const, id: 'bench', channel: 'import' as const },
    journal: { commit: async () => {} },
  };
  const started = performance.now();
  for (let offset = 0; offset < RECORDS; offset += 1000) {
    const records = Array.from({ length: 1000 }, (_, index) => {
      const n = offset + index;
      return {
        fields: {
          Name: `order ${n}`,
          Amount: (n * 7919) % 1000,
          Status: STATUSES[(n * 31) % 5],
          Due: `2024-0${(n % 9) + 1}-1${n % 10}`,
          Note: n % 3 ? `note ${n}` : null,
        },
      };
    });
    await local.createRecords({ base, tableIdOrName: 'Orders', records, context });
  }
  console.log(`seed: ${RECORDS} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
