import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import { migrationsDir } from '../paths';
import type { Database, SqlExecutor } from './database';

/** One migration: drizzle-kit's up SQL and our hand-written down SQL. */
export interface Migration {
  index: number;
  tag: string;
  up: string[];
  down: string[];
  checksum: string;
}

/** State of one migration for `tableport migrate status`. */
export interface MigrationStatus {
  tag: string;
  applied: boolean;
  appliedAt: Date | null;
  changed: boolean;
}

const journalSchema = z.object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() })) });
const TRACKING_TABLE = 'tableport_migrations';
// Arbitrary constant: every node takes this advisory lock while migrating, so only one migrates.
const LOCK_KEY = 7_305_118_204;

const splitStatements = (sql: string): string[] =>
  sql
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter(Boolean);

/** Reads the migration folder: journal order, up file, required down file. */
export function loadMigrations(dir = migrationsDir()): Migration[] {
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')),
  );
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const up = readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      const downFile = path.join(dir, `${entry.tag}.down.sql`);
      if (!existsSync(downFile))
        throw new Error(`migration ${entry.tag} has no down file (${entry.tag}.down.sql)`);
      return {
        index: entry.idx,
        tag: entry.tag,
        up: splitStatements(up),
        down: splitStatements(readFileSync(downFile, 'utf8')),
        checksum: createHash('sha256').update(up).digest('hex'),
      };
    });
}

async function ensureTrackingTable(executor: SqlExecutor): Promise<void> {
  await executor.exec(
    `CREATE TABLE IF NOT EXISTS ${TRACKING_TABLE} (
       idx integer PRIMARY KEY, tag text NOT NULL, checksum text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now())`,
  );
}

async function appliedRows(executor: SqlExecutor) {
  const result = await executor.query<{ idx: number; tag: string; checksum: string; applied_at: Date }>(
    `SELECT idx, tag, checksum, applied_at FROM ${TRACKING_TABLE} ORDER BY idx`,
  );
  return new Map(result.rows.map((row) => [row.idx, row]));
}

/** Applies every pending migration in one transaction under an advisory lock. Returns the tags applied. */
export async function migrateUp(db: Database, migrations = loadMigrations()): Promise<string[]> {
  await ensureTrackingTable(db);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const applied = await appliedRows(tx);
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.index)) continue;
      await runStatements(tx, migration, 'up');
      await tx.query(`INSERT INTO ${TRACKING_TABLE} (idx, tag, checksum) VALUES ($1, $2, $3)`, [
        migration.index,
        migration.tag,
        migration.checksum,
      ]);
      done.push(migration.tag);
    }
    return done;
  });
}

/** Reverts the newest `steps` applied migrations (all with `steps: Infinity`). Returns the tags reverted. */
export async function migrateDown(
  db: Database,
  options: { steps: number },
  migrations = loadMigrations(),
): Promise<string[]> {
  await ensureTrackingTable(db);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const applied = await appliedRows(tx);
    const toRevert = migrations
      .filter((migration) => applied.has(migration.index))
      .reverse()
      .slice(0, options.steps);
    for (const migration of toRevert) {
      await runStatements(tx, migration, 'down');
      await tx.query(`DELETE FROM ${TRACKING_TABLE} WHERE idx = $1`, [migration.index]);
    }
    return toRevert.map((migration) => migration.tag);
  });
}

/** Each migration with whether it is applied and whether its file changed since. */
export async function migrationStatus(
  db: Database,
  migrations = loadMigrations(),
): Promise<MigrationStatus[]> {
  await ensureTrackingTable(db);
  const applied = await appliedRows(db);
  return migrations.map((migration) => {
    const row = applied.get(migration.index);
    return {
      tag: migration.tag,
      applied: row !== undefined,
      appliedAt: row?.applied_at ?? null,
      changed: row !== undefined && row.checksum !== migration.checksum,
    };
  });
}

async function runStatements(
  executor: SqlExecutor,
  migration: Migration,
  direction: 'up' | 'down',
): Promise<void> {
  for (const statement of migration[direction]) {
    try {
      await executor.exec(statement);
    } catch (error) {
      throw new AppError({
        code: 'db.migration_failed',
        message: `Migration ${migration.tag} (${direction}) failed: ${(error as Error).message}`,
        details: { tag: migration.tag, direction },
        cause: error,
      });
    }
  }
}
