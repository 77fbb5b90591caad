import { readFile } from 'node:fs/promises';
import { AppError } from '@tableport/contracts';
import type { Command } from 'commander';
import { printResult, withServerTarget } from './import.server';

const table = (base: string, name: string) =>
  `/bases/${encodeURIComponent(base)}/tables/${encodeURIComponent(name)}`;

/** `tableport import airtable|csv`: the report is printed as JSON on stdout. */
export function registerImportCommands(program: Command): void {
  const command = program.command('import').description('Bring data into the local store.');
  command
    .command('airtable')
    .description(
      'Copy a base (schema and records) from Airtable or any Airtable-compatible API into a new local base.',
    )
    .requiredOption('--base <baseId>', 'the base to copy (app...)')
    .option(
      '--endpoint <url>',
      'the API origin (default https://api.airtable.com; another Tableport works too)',
    )
    .option('--token <token>', 'a token of the source (default TABLEPORT_AIRTABLE_TOKEN)')
    .option('--name <name>', 'name of the new base (default: the source base name)')
    .action((options: { base: string; endpoint?: string; token?: string; name?: string }) =>
      withServerTarget(async (target) => {
        const token = options.token ?? process.env.TABLEPORT_AIRTABLE_TOKEN;
        if (!token)
          throw new AppError({
            code: 'config.invalid',
            message: 'Give the source token with --token or TABLEPORT_AIRTABLE_TOKEN',
          });
        const body = {
          baseId: options.base,
          token,
          ...(options.endpoint ? { endpointUrl: options.endpoint } : {}),
          ...(options.name ? { name: options.name } : {}),
        };
        await printResult(`${await target.call({ method: 'POST', path: '/imports/airtable', body })}\n`);
      }),
    );
  command
    .command('csv')
    .description('Add the rows of a CSV file to a table (header = field names; values typecast).')
    .requiredOption('--base <baseId>', 'the base (app...)')
    .requiredOption('--table <table>', 'table id or name')
    .requiredOption('--file <path>', 'the CSV file')
    .option('--create-fields', 'create a text field for each unknown column')
    .option('--no-typecast', 'take values as they are (text fields only)')
    .action(
      (options: { base: string; table: string; file: string; createFields?: boolean; typecast: boolean }) =>
        withServerTarget(async (target) => {
          const csv = await readFile(options.file, 'utf8');
          const query = `?createFields=${options.createFields === true}&typecast=${options.typecast}`;
          await printResult(
            `${await target.call({ method: 'POST', path: `${table(options.base, options.table)}/csv${query}`, body: csv, contentType: 'text/csv' })}\n`,
          );
        }),
    );
}
