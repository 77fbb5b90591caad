import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config';
import type { Logger } from '../log/logger';
import type { Database } from './database';
import { acquireDataDirLock } from './data-dir-lock';
import { openPgliteDatabase } from './database.pglite';
import { openPostgresDatabase } from './database.postgres';
import { pgliteTemplateFile } from '../paths';

/** An open database plus the embedded lock it holds (if any). */
export interface OpenedDatabase {
  db: Database;
  lock: ReturnType<typeof acquireDataDirLock> | undefined;
}

/** PostgreSQL when DATABASE_URL is set, else PGlite in `<dataDir>/pg` under the data-dir lock. */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<OpenedDatabase> {
  const onAfterCommitError = (error: unknown) => logger.error({ err: error }, 'after-commit callback failed');
  if (config.storage.databaseUrl) {
    const db = await openPostgresDatabase({
      url: config.storage.databaseUrl,
      poolMax: config.storage.poolMax,
      onAfterCommitError,
    });
    return { db, lock: undefined };
  }
  const lock = acquireDataDirLock(config.storage.dataDir);
  try {
    const dataDir = path.join(config.storage.dataDir, 'pg');
    const db = await openPgliteDatabase({
      dataDir,
      loadDataDir: newDataDirTemplate(dataDir),
      onAfterCommitError,
    });
    return { db, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * A new data dir starts from the migrated template built at install time (about 1.5 s instead of
 * 4-7 s of initdb); migrations then bring it up to date. Undefined when the dir exists or no template.
 */
function newDataDirTemplate(dataDir: string): Blob | undefined {
  const template = pgliteTemplateFile();
  if (existsSync(path.join(dataDir, 'PG_VERSION')) || !existsSync(template)) return undefined;
  return new Blob([readFileSync(template)]);
}
