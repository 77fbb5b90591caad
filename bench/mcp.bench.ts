// mcp: one 100-row list call over Streamable HTTP on a 1,000-record table, Tableport's get_records
// against the leading open-source Airtable MCP server (npm airtable-mcp-server, run unchanged with a
// preload that sends its api.airtable.com calls to Tableport's /v0), same rows and same fields.
// Figures: latency p50/p99 of the call, and the size of the text the model reads (bytes, and tokens
// with gpt-tokenizer's o200k_base). ratio = Tableport tokens / baseline tokens (target: <= 0.5).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { encode } from 'gpt-tokenizer';
import { startTableport } from '../apps/server/src/app/tableport';
import { loadConfig } from '../apps/server/src/config';
import { createLogger } from '../apps/server/src/infra/log/logger';

const TOKEN = 'm'.repeat(48);
const RECORDS = 1000;
const ROWS = 100;
const CALLS = 200;
const FIELDS = ['Name', 'Email', 'Company', 'Status', 'Score', 'Tags', 'Notes'];
const STATUSES = ['Lead', 'Qualified', 'Customer', 'Churned'];
const TAGS = ['vip', 'newsletter', 'partner', 'event', 'trial'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka'];

// The preload: every fetch to api.airtable.com goes to Tableport instead (no change to the server's code).
const PRELOAD = `
const target = process.env.TABLEPORT_BENCH_TARGET;
const original = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return original(url.startsWith('https://api.airtable.com/') ? target + url.slice('https://api.airtable.com'.length) : input, init);
};
`;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const textOf = (result: { content?: unknown }) =>
  (result.content as { type: string; text: string }[]).map((part) => part.text).join('\n');
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function connect(url: string, headers: Record<string, string>, version?: string): Promise<Client> {
  const client = new Client(
    { name: 'tableport-bench', version: '1.0.0' },
    version
      ? { supportedProtocolVersions: [version] }
      : { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** Calls the tool `CALLS` times after a warm-up; returns the latencies and the last result's text. */
async function measure(client: Client, name: string, args: Record<string, unknown>) {
  for (let warm = 0; warm < 10; warm++) await client.callTool({ name, arguments: args });
  const times: number[] = [];
  let last: Awaited<ReturnType<Client['callTool']>> | undefined;
  for (let call = 0; call < CALLS; call++) {
    const started = performance.now();
    last = await client.callTool({ name, arguments: args });
    times.push(performance.now() - started);
  }
  if (!last || last.isError) throw new Error(`${name} failed: ${last ? textOf(last) : 'no result'}`);
  return { times, result: last, text: textOf(last) };
}

async function seed(url: string) {
  const call = async (route: string, body: unknown) => {
    const response = await fetch(`${url}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id?: string; records?: unknown[] };
    if (response.status !== 200) throw new Error(`${route}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const base = await call('/v0/meta/bases', {
    name: 'Bench CRM',
    tables: [
      {
        name: 'Contacts',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Email', type: 'email' },
          { name: 'Company', type: 'singleLineText' },
          { name: 'Status', type: 'singleSelect', options: { choices: STATUSES.map((name) => ({ name })) } },
          { name: 'Score', type: 'number', options: { precision: 0 } },
          { name: 'Tags', type: 'multipleSelects', options: { choices: TAGS.map((name) => ({ name })) } },
          { name: 'Notes', type: 'multilineText' },
          { name: 'Phone', type: 'phoneNumber' },
        ],
      },
    ],
  });
  for (let start = 0; start < RECORDS; start += 10) {
    const records = Array.from({ length: 10 }, (_, offset) => {
      const n = start + offset;
      return {
        fields: {
          Name: `Contact ${n}`,
          Email: `contact${n}@example.com`,
          Company: COMPANIES[n % COMPANIES.length],
          Status: STATUSES[n % STATUSES.length],
          Score: (n * 37) % 100,
          Tags: TAGS.filter((_, index) => (n + index) % 3 === 0),
          // Sparse, as real tables are: a note on every third contact.
          ...(n % 3 === 0
            ? { Notes: `Met at the ${COMPANIES[n % 5]} conference; follow up in Q${(n % 4) + 1}.` }
            : {}),
        },
      };
    });
    await call(`/v0/${base.id}/Contacts`, { records });
  }
  return base.id!;
}

function startBaseline(input: { preload: string; port: number; target: string }): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', input.preload, 'node_modules/airtable-mcp-server/dist/main.js'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        MCP_TRANSPORT: 'http',
        PORT: String(input.port),
        AIRTABLE_API_KEY: TOKEN,
        TABLEPORT_BENCH_TARGET: input.target,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running on')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`airtable-mcp-server exited with ${code}`)));
  });
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-bench-mcp-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TABLEPORT_DATA_DIR: dir,
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
  const preload = path.join(dir, 'airtable-redirect.mjs');
  writeFileSync(preload, PRELOAD);
  let baseline: ChildProcess | undefined;
  try {
    const baseId = await seed(app.url);
    const ours = await connect(`${app.url}/mcp`, { authorization: `Bearer ${TOKEN}` });
    const mine = await measure(ours, 'get_records', {
      base_id: baseId,
      table_id: 'Contacts',
      fields: FIELDS,
      page_size: ROWS,
    });
    await ours.close();

    const port = await freePort();
    baseline = await startBaseline({ preload, port, target: app.url });
    const theirs = await connect(`http://127.0.0.1:${port}/mcp`, {}, '2025-06-18');
    const other = await measure(theirs, 'list_records', {
      baseId,
      tableId: 'Contacts',
      fields: FIELDS,
      maxRecords: ROWS,
    });
    await theirs.close();

    const ids = (result: { structuredContent?: unknown }) =>
      ((result.structuredContent as { records: { id: string }[] }).records ?? []).map((record) => record.id);
    const same = JSON.stringify(ids(mine.result)) === JSON.stringify(ids(other.result));
    if (!same || ids(mine.result).length !== ROWS) throw new Error('the two servers returned different rows');
    const tokens = encode(mine.text).length;
    const baselineTokens = encode(other.text).length;
    const full = (result: unknown) => bytes(JSON.stringify(result));
    console.log(
      `table: ${RECORDS} records, ${FIELDS.length} fields asked for; call: ${ROWS} rows, ${CALLS} calls after 10 warm-up`,
    );
    console.log(
      `tableport get_records: p50 ${percentile(mine.times, 50).toFixed(2)} ms, p99 ${percentile(mine.times, 99).toFixed(2)} ms; text ${bytes(mine.text)} B, ${tokens} tokens; whole result ${full(mine.result)} B`,
    );
    console.log(
      `airtable-mcp-server list_records (via /v0): p50 ${percentile(other.times, 50).toFixed(2)} ms, p99 ${percentile(other.times, 99).toFixed(2)} ms; text ${bytes(other.text)} B, ${baselineTokens} tokens; whole result ${full(other.result)} B`,
    );
    console.log(
      'same rows (ids in order): yes; tokens: gpt-tokenizer o200k_base over the text content the model reads',
    );
    console.log(
      `mcp: p50_ms=${percentile(mine.times, 50).toFixed(2)} p99_ms=${percentile(mine.times, 99).toFixed(2)} bytes=${bytes(mine.text)} tokens=${tokens} baseline_bytes=${bytes(other.text)} baseline_tokens=${baselineTokens} ratio=${(tokens / baselineTokens).toFixed(3)}`,
    );
  } finally {
    baseline?.kill('SIGTERM');
    await app.stop();
  }
}
