import type { Command } from 'commander';
import { pino } from 'pino';
import { readDataDirLock } from '../infra/db/data-dir-lock';
import { createLogger } from '../infra/log/logger';
import { startEmbeddedServer } from '../mcp/stdio/stdio.embedded';
import { startRelay } from '../mcp/stdio/stdio.relay';
import { resolveStdioMode } from '../mcp/stdio/stdio.mode';
import { cliSetup, fail } from './cli-context';

/** `tableport mcp [--url URL]`: MCP over stdio for Claude Desktop, Cursor and other local clients. */
export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description(
      'MCP over stdio: relays to the running server (--url, TABLEPORT_URL, or the one holding the data dir) with TABLEPORT_API_KEY, or serves the embedded data itself.',
    )
    .option('--url <url>', 'server to relay to (overrides TABLEPORT_URL)')
    .action(async (options: { url?: string }) => {
      const { config } = cliSetup();
      // stdout carries the protocol: logs go to stderr, quiet unless LOG_LEVEL asks for more.
      const level = process.env.LOG_LEVEL ? config.log.level : 'warn';
      const logger = createLogger({ level, destination: pino.destination(2), name: 'tableport-mcp' });
      try {
        const mode = resolveStdioMode({
          config,
          urlOption: options.url,
          lock: readDataDirLock(config.storage.dataDir),
        });
        const target =
          mode.kind === 'relay'
            ? { ...mode, stop: async () => {} }
            : await startEmbeddedServer({ config, logger });
        const stop = () => void target.stop().finally(() => process.exit(0));
        process.once('SIGTERM', stop).once('SIGINT', stop);
        const relay = await startRelay({ url: target.url, token: target.token, logger });
        await relay.closed;
        await target.stop();
        process.exit(0);
      } catch (error) {
        fail(error);
      }
    });
}
