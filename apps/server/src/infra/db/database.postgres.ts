import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, Orm, QueryResult } from './database';
import { dbSchema } from './db.schema';
import { createTransactionScope, runAfterCommit } from './transaction-scope';
import { keepString, parseInt8, parseInt8Array, PG_OIDS } from './type-parsers';

/** Connection settings for PostgreSQL. */
export interface PostgresOptions {
  url: string;
  poolMax: number;
  applicationName?: string;
  onAfterCommitError?: (error: unknown) => void;
}

const customTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === PG_OIDS.int8) return parseInt8;
    if (oid === PG_OIDS.numeric || oid === PG_OIDS.date) return keepString;
    if (oid === PG_OIDS.int8Array) return parseInt8Array;
    if (oid === PG_OIDS.timestamp) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  }) as typeof pg.types.getTypeParser,
};

/** PostgreSQL through one pg.Pool per process; transactions hold one pooled client. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    application_name: options.applicationName ?? 'tableport',
    connectionTimeoutMillis: 10_000,
    types: customTypes,
  });
  // An idle client that loses its connection emits here; pg removes it from the pool itself.
  pool.on('error', () => {});
  const toResult = <Row>(raw: pg.QueryResult | pg.QueryResult[]): QueryResult<Row> => {
    // A multi-statement simple query answers one result per statement: keep the last.
    const result = Array.isArray(raw) ? raw.at(-1) : raw;
    return { rows: (result?.rows ?? []) as Row[], rowCount: result?.rowCount ?? result?.rows.length ?? 0 };
  };
  const orm = drizzle({ client: pool, schema: dbSchema }) as unknown as Orm;
  const onError = options.onAfterCommitError ?? (() => {});
  const database: Database & { pool: pg.Pool } = {
    dialect: 'postgres',
    pool,
    orm,
    query: async (text, params) => toResult(await pool.query(text, params as unknown[] | undefined)),
    exec: async (text) => toResult(await pool.query(text)),
    transaction: async (fn) => {
      const client = await pool.connect();
      const callbacks: (() => void | Promise<void>)[] = [];
      let result;
      try {
        await client.query('BEGIN');
        const scope = createTransactionScope(
          {
            orm: drizzle({ client, schema: dbSchema }),
            query: async (text, params) =>
              toResult(await client.query(text, params as unknown[] | undefined)),
            exec: async (text) => toResult(await client.query(text)),
          },
          callbacks,
        );
        result = await fn(scope);
        await client.query('COMMIT');
      } catch (error) {
        const rolledBack = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        // A client whose rollback failed has a broken connection: destroy it instead of reusing it.
        client.release(!rolledBack);
        throw error;
      }
      client.release();
      await runAfterCommit(callbacks, onError);
      return result;
    },
    ping: async () => {
      const started = performance.now();
      await pool.query('select 1');
      return performance.now() - started;
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
  // Fail fast at boot when the server is unreachable.
  await database.ping();
  return database;
}
