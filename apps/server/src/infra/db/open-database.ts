import path from 'node:path';
import type { AppConfig } from '../../config';
import type { Logger } from '../log/logger';
import type { Database } from './database';
import { acquireDataDirLock } from './data-dir-lock';
import { openPgliteDatabase } from './database.pglite';
import { openPostgresDatabase } from './database.postgres';

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
    const db = await openPgliteDatabase({
      dataDir: path.join(config.storage.dataDir, 'pg'),
      onAfterCommitError,
    });
    return { db, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}
