import { PGlite, types } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, Orm, QueryResult } from './database';
import { dbSchema } from './db.schema';
import { createTransactionScope, runAfterCommit } from './transaction-scope';
import { keepString, parseInt8, parseInt8Array, PG_OIDS } from './type-parsers';

/** Where the embedded database lives: a directory, memory, or a dump to start from (tests). */
export interface PgliteOptions {
  dataDir?: string;
  loadDataDir?: Blob | File;
  onAfterCommitError?: (error: unknown) => void;
}

const PARSERS = {
  [PG_OIDS.int8]: parseInt8,
  [PG_OIDS.numeric]: keepString,
  [PG_OIDS.date]: keepString,
  [PG_OIDS.int8Array]: parseInt8Array,
  [types.TIMESTAMP]: (value: string) => new Date(`${value.replace(' ', 'T')}Z`),
};

/**
 * Embedded PostgreSQL (PGlite, one WASM session). PGlite serialises `query`, `exec` and
 * `transaction` itself, so concurrent callers are safe; inside a transaction use the `tx` scope
 * only (a top-level call would wait for the transaction to end).
 */
export async function openPgliteDatabase(options: PgliteOptions): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: PARSERS,
  });
  const toResult = <Row>(
    result: { rows: unknown[]; affectedRows?: number } | undefined,
  ): QueryResult<Row> => ({
    rows: (result?.rows ?? []) as Row[],
    rowCount: result?.affectedRows ?? result?.rows.length ?? 0,
  });
  const orm = drizzle({ client: pglite, schema: dbSchema }) as unknown as Orm;
  const onError = options.onAfterCommitError ?? (() => {});
  return {
    dialect: 'pglite',
    pglite,
    orm,
    query: async (text, params) => toResult(await pglite.query(text, params as unknown[] | undefined)),
    exec: async (text) => toResult((await pglite.exec(text)).at(-1)),
    transaction: async (fn) => {
      const callbacks: (() => void | Promise<void>)[] = [];
      const result = await pglite.transaction(async (tx) => {
        const scope = createTransactionScope(
          {
            orm: drizzle({ client: tx as unknown as PGlite, schema: dbSchema }),
            query: async (text, params) => toResult(await tx.query(text, params as unknown[] | undefined)),
            exec: async (text) => toResult((await tx.exec(text)).at(-1)),
          },
          callbacks,
        );
        return fn(scope);
      });
      await runAfterCommit(callbacks, onError);
      return result;
    },
    ping: async () => {
      const started = performance.now();
      await pglite.query('select 1');
      return performance.now() - started;
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
