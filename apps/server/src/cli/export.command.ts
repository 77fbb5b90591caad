import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { printResult, withServerTarget } from './import.server';

/** `tableport export csv`: a table as CSV on stdout or into a file. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Take data out of the local store.')
    .command('csv')
    .description('Write a table as CSV (RFC 4180; cells rendered as text).')
    .requiredOption('--base <baseId>', 'the base (app...)')
    .requiredOption('--table <table>', 'table id or name')
    .option('--view <view>', 'only the records (and visible fields) of this view')
    .option('--fields <names>', 'comma-separated fields, in order')
    .option('--out <path>', 'file to write (default: stdout)')
    .action((options: { base: string; table: string; view?: string; fields?: string; out?: string }) =>
      withServerTarget(async (target) => {
        const query = new URLSearchParams({
          ...(options.view ? { view: options.view } : {}),
          ...(options.fields ? { fields: options.fields } : {}),
        }).toString();
        const path = `/bases/${encodeURIComponent(options.base)}/tables/${encodeURIComponent(options.table)}/csv${query ? `?${query}` : ''}`;
        const csv = await target.call({ method: 'GET', path });
        if (options.out) await writeFile(options.out, csv);
        else await printResult(csv);
      }),
    );
}
