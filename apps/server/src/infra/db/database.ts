import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { dbSchema } from './db.schema';

/** Drizzle bound to the pool or to one transaction. */
export type Orm = PgDatabase<PgQueryResultHKT, typeof dbSchema>;

/** Rows of a raw query plus the affected-row count. */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Raw SQL and Drizzle over one connection scope (the pool, or one transaction). */
export interface SqlExecutor {
  /** Drizzle ORM on this scope. */
  readonly orm: Orm;
  /** One parameterised statement (`$1..$n`). */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Parameter-less SQL, possibly several statements (DDL batches, pg-boss's migrations); returns the last statement's result. */
  exec<Row = Record<string, unknown>>(text: string): Promise<QueryResult<Row>>;
}

/** A transaction scope. Nested `transaction` calls become savepoints. */
export interface Transaction extends SqlExecutor {
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs after the outermost transaction commits (never on rollback). */
  afterCommit(callback: () => void | Promise<void>): void;
}

/** The platform database: embedded PGlite or PostgreSQL, same SQL dialect, same interface. */
export interface Database extends SqlExecutor {
  readonly dialect: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Round trip used by /readyz; returns latency in ms. */
  ping(): Promise<number>;
  close(): Promise<void>;
}
