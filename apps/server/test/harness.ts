// Test harness: real parts, fresh per test. PGlite + in-process adapters by default; PostgreSQL and
// Redis when DATABASE_URL / REDIS_URL are set (one database and key prefix per test, dropped after).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openPgliteDatabase, openPostgresDatabase, type Database } from '../src/infra/db';
import { adminUrl, templateName } from './pg-admin';

let counter = 0;
const unique = () => `${process.pid}_${++counter}_${randomBytes(2).toString('hex')}`;

/** True when this run uses PostgreSQL + Redis. */
export const usesPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** A fresh, migrated database (pg-boss schema included). Close it when done. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const blob = new Blob([readFileSync(inject('pgliteTemplatePath'))]);
    return openPgliteDatabase({ loadDataDir: blob });
  }
  const name = `tp_${inject('runId')}_${unique()}`;
  const admin = await openPostgresDatabase({ url: databaseUrl, poolMax: 1 });
  try {
    await admin.exec(`CREATE DATABASE "${name}" TEMPLATE "${templateName(inject('runId'))}"`);
  } finally {
    await admin.close();
  }
  const url = adminUrl(databaseUrl, name);
  const db = await openPostgresDatabase({ url, poolMax: 5 });
  return Object.assign(db, { url });
}

/** A Redis key prefix unique to this test (all removed at the end of the run). */
export const testRedisPrefix = (): string => `tp_test_${inject('runId')}:${unique()}:`;
