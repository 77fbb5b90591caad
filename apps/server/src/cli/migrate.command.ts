import type { Command } from 'commander';
import { migrateDown, migrateUp, migrationStatus, openDatabase } from '../infra/db';
import { cliSetup, fail } from './cli-context';

/** `tableport migrate up|down|status`: works on PGlite (when no server holds the data dir) and PostgreSQL. */
export function registerMigrateCommand(program: Command): void {
  const migrate = program.command('migrate').description('Apply, revert or list database migrations.');
  migrate
    .command('up')
    .description('Apply every pending migration.')
    .action(() => withDatabase(async (db) => report('applied', await migrateUp(db))));
  migrate
    .command('down')
    .description('Revert the newest migration (or --steps N, or --all).')
    .option('--steps <n>', 'how many to revert', '1')
    .option('--all', 'revert every migration')
    .action((options: { steps: string; all?: boolean }) =>
      withDatabase(async (db) => {
        const steps = options.all ? Infinity : Number.parseInt(options.steps, 10);
        if (!Number.isInteger(steps) && steps !== Infinity) throw new Error('--steps must be a whole number');
        report('reverted', await migrateDown(db, { steps }));
      }),
    );
  migrate
    .command('status')
    .description('List migrations and whether each is applied.')
    .action(() =>
      withDatabase(async (db) => {
        for (const row of await migrationStatus(db)) {
          const state = row.applied ? `applied ${row.appliedAt?.toISOString()}` : 'pending';
          process.stdout.write(
            `${row.tag.padEnd(40)} ${state}${row.changed ? '  (file changed since applied!)' : ''}\n`,
          );
        }
      }),
    );
}

function report(verb: string, tags: string[]): void {
  process.stdout.write(
    tags.length === 0 ? `nothing ${verb}\n` : tags.map((tag) => `${verb} ${tag}\n`).join(''),
  );
}

async function withDatabase(
  run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>,
): Promise<void> {
  const { config, logger } = cliSetup();
  try {
    const { db, lock } = await openDatabase(config, logger);
    try {
      await run(db);
    } finally {
      await db.close();
      lock?.release();
    }
  } catch (error) {
    fail(error);
  }
}
