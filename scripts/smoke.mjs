// Smoke test of the built server: `node scripts/smoke.mjs [node-binary]`.
// Starts `tableport start` on a temporary data dir, checks /readyz and /metrics, sends SIGTERM and
// expects exit code 0. With a node binary argument (CI passes Node 24's) the server runs on it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const node = process.argv[2] ?? process.execPath;
const bin = fileURLToPath(new URL('../apps/server/bin/tableport.mjs', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'tableport-smoke-'));
const started = Date.now();
const child = spawn(node, [bin, 'start'], {
  env: {
    ...process.env,
    TABLEPORT_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    REDIS_URL: '',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk.toString()));
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

function fail(message) {
  console.error(`smoke: FAIL: ${message}\n--- server output ---\n${output}`);
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

let url;
while (!url) {
  if (Date.now() - started > 60_000) fail('no "tableport started" line within 60 s');
  if (child.exitCode !== null) fail(`server exited early with ${child.exitCode}`);
  url = /"url":"([^"]+)"[^\n]*"msg":"tableport started"/.exec(output)?.[1];
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const ready = await fetch(`${url}/readyz`);
const readyBody = await ready.text();
if (ready.status !== 200) fail(`/readyz answered ${ready.status}: ${readyBody}`);
const metrics = await (await fetch(`${url}/metrics`)).text();
for (const name of [
  'http_server_request_duration_seconds_count',
  'tableport_ready 1',
  'tableport_build_info',
  'process_resident_memory_bytes',
]) {
  if (!metrics.includes(name)) fail(`/metrics lacks ${name}`);
}
const home = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
if (home.status !== 200 || !(await home.text()).includes('<div id="root">'))
  fail('the web app is not served at /');
console.log(
  `smoke: ready in ${Date.now() - started} ms on ${node === process.execPath ? process.version : node}`,
);
child.kill('SIGTERM');
const { code, signal } = await exited;
rmSync(dataDir, { recursive: true, force: true });
if (code !== 0) fail(`exit code ${code} (signal ${signal}) after SIGTERM`);
console.log('smoke: SIGTERM -> exit 0');
