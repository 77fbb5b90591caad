import type { Orm, QueryResult, Transaction } from './database';

/** What a driver supplies for one open transaction. */
export interface TransactionDriver {
  orm: Orm;
  query<Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  exec<Row>(text: string): Promise<QueryResult<Row>>;
}

/**
 * Builds the Transaction scope over a driver's open transaction: nested calls become savepoints,
 * after-commit callbacks collect in the outermost scope.
 */
export function createTransactionScope(
  driver: TransactionDriver,
  afterCommit: (() => void | Promise<void>)[],
): Transaction {
  let savepoints = 0;
  const scope: Transaction = {
    orm: driver.orm,
    query: (text, params) => driver.query(text, params),
    exec: (text) => driver.exec(text),
    afterCommit: (callback) => void afterCommit.push(callback),
    transaction: async (fn) => {
      const name = `sp_${++savepoints}`;
      await driver.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(scope);
        await driver.exec(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await driver.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
  return scope;
}

/** Runs after-commit callbacks in order; one failing callback does not stop the others. */
export async function runAfterCommit(
  callbacks: (() => void | Promise<void>)[],
  onError: (error: unknown) => void,
): Promise<void> {
  for (const callback of callbacks) {
    try {
      await callback();
    } catch (error) {
      onError(error);
    }
  }
}
