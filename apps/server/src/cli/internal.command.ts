import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { migrateUp, openPgliteDatabase } from '../infra/db';
import { createJobQueue } from '../infra/jobs';
import { createLogger } from '../infra/log/logger';
import { fail } from './cli-context';

/** Hidden build-time commands. */
export function registerInternalCommands(program: Command): void {
  const internal = program.command('internal', { hidden: true });
  internal
    .command('build-template')
    .description('Write a migrated PGlite data dir (with the job queue schema) as a gzip tarball.')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { out: string }) => {
      try {
        const db = await openPgliteDatabase({});
        await migrateUp(db);
        const jobs = createJobQueue({
          db,
          logger: createLogger({ level: 'silent' }),
          worker: false,
          recoverActive: false,
        });
        await jobs.start();
        await jobs.stop({ timeoutMs: 1000 });
        const dump = await db.pglite.dumpDataDir('gzip');
        await db.close();
        writeFileSync(options.out, Buffer.from(await dump.arrayBuffer()));
      } catch (error) {
        fail(error);
      }
    });
}
