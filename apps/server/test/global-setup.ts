// Per test run: a migrated template database (PostgreSQL when DATABASE_URL is set, else a PGlite
// dump) and a Redis key prefix; each test clones the template. Teardown drops everything the run made.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPgliteDatabase, openPostgresDatabase, migrateUp } from '../src/infra/db';
import { createJobQueue } from '../src/infra/jobs';
import { createLogger } from '../src/infra/log/logger';
import { migrationsDir, serverRoot } from '../src/infra/paths';
import { adminUrl, dropRunDatabases, templateName } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
    pgliteTemplatePath: string;
    postgresTemplate: string;
  }
}

const silent = createLogger({ level: 'silent' });

/** Migrations plus pg-boss's schema, so a cloned database is ready to use. */
async function prepareTemplate(db: Parameters<typeof migrateUp>[0]): Promise<void> {
  await migrateUp(db);
  const queue = createJobQueue({ db, logger: silent, worker: false, recoverActive: false });
  await queue.start();
  await queue.stop({ timeoutMs: 1000 });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  project.provide('runId', runId);
  const cleanups: (() => Promise<void> | void)[] = [];

  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = templateName(runId);
    const admin = await openPostgresDatabase({ url: adminUrl(databaseUrl), poolMax: 1 });
    await admin.exec(`CREATE DATABASE "${template}"`);
    await admin.close();
    const db = await openPostgresDatabase({ url: adminUrl(databaseUrl, template), poolMax: 2 });
    await prepareTemplate(db);
    await db.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteTemplatePath', '');
    cleanups.push(() => dropRunDatabases(databaseUrl, runId));
  } else {
    project.provide('pgliteTemplatePath', await pgliteTemplate());
    project.provide('postgresTemplate', '');
  }

  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) cleanups.push(() => deleteRedisPrefix(redisUrl, `tp_test_${runId}:`));

  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}

/**
 * The migrated PGlite dump, cached in node_modules/.cache by a hash of the migrations and the
 * PGlite and pg-boss versions (building it costs 4-7 s of initdb per run).
 */
async function pgliteTemplate(): Promise<string> {
  const dir = path.join(serverRoot(), '..', '..', 'node_modules', '.cache', 'tableport');
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir()).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(readFileSync(path.join(migrationsDir(), file)));
  }
  for (const name of ['@electric-sql/pglite', 'pg-boss']) hash.update(name).update(packageVersion(name));
  const file = path.join(dir, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const db = await openPgliteDatabase({});
  await prepareTemplate(db);
  const dump = await db.pglite.dumpDataDir('gzip');
  await db.close();
  // Write then rename: concurrent runs never read a half-written template.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}

const packageVersion = (name: string): string =>
  (
    JSON.parse(
      readFileSync(path.join(serverRoot(), '..', '..', 'node_modules', name, 'package.json'), 'utf8'),
    ) as { version: string }
  ).version;

async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  await redis.quit();
}
