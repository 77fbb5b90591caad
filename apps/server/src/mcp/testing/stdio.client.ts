import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { clientOptionsFor, type Lane } from './mcp.test-server';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

/**
 * The official SDK client running `tableport mcp` (from source, through tsx) as a child process,
 * the way Claude Desktop runs it, on a protocol lane.
 */
export async function connectStdioClient(input: {
  env: Record<string, string>;
  lane: Lane;
}): Promise<Client> {
  const client = new Client({ name: 'tableport-stdio-test', version: '1.0.0' }, clientOptionsFor(input.lane));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'apps/server/src/cli/main.ts', 'mcp'],
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...input.env },
    stderr: process.env.TEST_LOG ? 'inherit' : 'ignore',
  });
  // The embedded mode boots Tableport (PGlite, migrations) before it answers; on a loaded machine that takes a while.
  await client.connect(transport, { timeout: 120_000 });
  return client;
}
