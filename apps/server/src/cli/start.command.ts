import type { Command } from 'commander';
import { AppError } from '@tableport/contracts';
import { startTableport } from '../app/tableport';
import type { Role } from '../app/app-context';
import { flushLogs } from '../infra/log/logger';
import { cliSetup, fail } from './cli-context';

/** `tableport start [--role all|api|worker] [--port N]`. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Run Tableport: the web app, /api, /v0, /mcp and workers (role all), or one role.')
    .option('--role <role>', 'all | api | worker (api and worker need DATABASE_URL)', 'all')
    .option('--port <port>', 'HTTP port (overrides PORT)')
    .action(async (options: { role: string; port?: string }) => {
      const { config, logger } = cliSetup({ PORT: options.port });
      try {
        const role = parseRole(options.role, Boolean(config.storage.databaseUrl));
        const app = await startTableport({ config, role, logger, commit: process.env.TABLEPORT_COMMIT });
        onShutdownSignal(async () => {
          await app.stop();
          flushLogs(logger);
          process.exit(0);
        });
      } catch (error) {
        fail(error);
      }
    });
}

function parseRole(role: string, hasDatabaseUrl: boolean): Role {
  if (role !== 'all' && role !== 'api' && role !== 'worker') {
    throw new AppError({
      code: 'config.invalid',
      message: `--role: expected all, api or worker, got "${role}"`,
    });
  }
  if (role !== 'all' && !hasDatabaseUrl) {
    throw new AppError({
      code: 'config.invalid',
      message: `--role ${role}: needs DATABASE_URL (the embedded database serves one process; use --role all)`,
    });
  }
  return role;
}

/** SIGTERM/SIGINT → graceful stop; a second signal exits at once. */
function onShutdownSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`tableport: second ${signal}, exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    stop().catch((error: unknown) => fail(error));
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
