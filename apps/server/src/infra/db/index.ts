export type { Database, Orm, QueryResult, SqlExecutor, Transaction } from './database';
export { dbSchema } from './db.schema';
export { openPgliteDatabase } from './database.pglite';
export { openPostgresDatabase } from './database.postgres';
export { openDatabase, type OpenedDatabase } from './open-database';
export { acquireDataDirLock, readDataDirLock, type LockInfo } from './data-dir-lock';
export { loadMigrations, migrateDown, migrateUp, migrationStatus, type MigrationStatus } from './migrations';
