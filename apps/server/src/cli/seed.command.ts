import type { Command } from 'commander';
import { z } from 'zod';
import { printResult, withServerTarget } from './import.server';

const created = z.object({ baseId: z.string(), records: z.number() });

/** `tableport seed demo`: recreates the demo base (through the running server when one holds the data). */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Create sample data.')
    .command('demo')
    .description(
      'Recreate the demo base (a small CRM); the previous demo base is deleted. Needs TABLEPORT_ADMIN_TOKEN when a server runs.',
    )
    .action(() =>
      withServerTarget(async (target) => {
        const result = created.parse(JSON.parse(await target.call({ method: 'POST', path: '/demo' })));
        await printResult(`${result.baseId}\n`);
        process.stderr.write(`demo base ${result.baseId} created with ${result.records} records\n`);
      }),
    );
}
