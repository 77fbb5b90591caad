import { Command } from 'commander';
import { serverVersion } from '../infra/paths';
import { registerExportCommand } from './export.command';
import { registerImportCommands } from './import.command';
import { registerInternalCommands } from './internal.command';
import { registerKeyCommands } from './key.command';
import { registerMcpCommand } from './mcp.command';
import { registerMigrateCommand } from './migrate.command';
import { registerSecretsCommands } from './secrets.command';
import { registerSeedCommand } from './seed.command';
import { registerStartCommand } from './start.command';
import { registerUserCommands } from './user.command';

/** The `tableport` CLI. Each module registers its own commands. */
export function buildProgram(): Command {
  const program = new Command('tableport')
    .description('Tableport: people and AI assistants working on Airtable data, self-hosted.')
    .version(serverVersion())
    .showHelpAfterError();
  registerStartCommand(program);
  registerMigrateCommand(program);
  registerMcpCommand(program);
  registerUserCommands(program);
  registerKeyCommands(program);
  registerSecretsCommands(program);
  registerSeedCommand(program);
  registerImportCommands(program);
  registerExportCommand(program);
  registerInternalCommands(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
