import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import type { Database } from './database';
import { migrateDown, migrateUp, migrationStatus } from './migrations';

let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

const tableExists = async (name: string) =>
  (await db.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [name])).rows[0]!
    .exists;

describe('migrations', () => {
  it('go down and up again, tracking each step', async () => {
    const before = await migrationStatus(db);
    expect(before.every((migration) => migration.applied && !migration.changed)).toBe(true);

    const reverted = await migrateDown(db, { steps: Infinity });
    expect(reverted).toEqual(before.map((migration) => migration.tag).reverse());
    expect(await tableExists('domain_events')).toBe(false);
    expect((await migrationStatus(db)).some((migration) => migration.applied)).toBe(false);

    const applied = await migrateUp(db);
    expect(applied).toEqual(before.map((migration) => migration.tag));
    expect(await tableExists('domain_events')).toBe(true);
    expect(await migrateUp(db)).toEqual([]);
  });

  it('runs concurrent migrateUp calls once (advisory lock)', async () => {
    await migrateDown(db, { steps: Infinity });
    const results = await Promise.all([migrateUp(db), migrateUp(db)]);
    expect(results.flat().length).toBe((await migrationStatus(db)).length);
  });
});

describe('raw queries', () => {
  it('return the same JS types on PGlite and PostgreSQL', async () => {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT 9007199254740::int8 AS big, 1.50::numeric AS exact, '2024-02-29'::date AS day,
              '2024-01-02T03:04:05.678Z'::timestamptz AS instant, '{"a":[1,"x"]}'::jsonb AS doc,
              true AS flag, 2.5::float8 AS real, ARRAY['a','b']::text[] AS list, count(*) AS n
       FROM (VALUES (1)) v(x)`,
    );
    const row = rows[0]!;
    expect(row.big).toBe(9007199254740);
    expect(row.exact).toBe('1.50');
    expect(row.day).toBe('2024-02-29');
    expect(row.instant).toBeInstanceOf(Date);
    expect((row.instant as Date).toISOString()).toBe('2024-01-02T03:04:05.678Z');
    expect(row.doc).toEqual({ a: [1, 'x'] });
    expect(row.flag).toBe(true);
    expect(row.real).toBe(2.5);
    expect(row.list).toEqual(['a', 'b']);
    expect(row.n).toBe(1);
  });

  it('exec runs several statements and returns the last result', async () => {
    const result = await db.exec(
      'CREATE TEMP TABLE t (x int); INSERT INTO t VALUES (1), (2); SELECT sum(x)::int AS s FROM t',
    );
    expect(result.rows).toEqual([{ s: 3 }]);
  });

  it('a failed query leaves the database usable', async () => {
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});

describe('transactions', () => {
  beforeEach(async () => {
    await db.exec('CREATE TABLE IF NOT EXISTS tx_probe (id text PRIMARY KEY)');
  });
  const ids = async () =>
    (await db.query<{ id: string }>('SELECT id FROM tx_probe ORDER BY id')).rows.map((row) => row.id);

  it('commit keeps, throw rolls back, savepoints nest, afterCommit runs only on commit', async () => {
    const calls: string[] = [];
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES ($1)', ['a']);
      tx.afterCommit(() => void calls.push('a'));
      await tx
        .transaction(async (inner) => {
          await inner.query('INSERT INTO tx_probe VALUES ($1)', ['b']);
          throw new Error('inner fails');
        })
        .catch(() => {});
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1)', ['c']);
        tx.afterCommit(() => void calls.push('c'));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await ids()).toEqual(['a']);
    expect(calls).toEqual(['a']);
  });

  it("one caller's rollback never undoes another caller's concurrent work", async () => {
    const writers = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? db.query('INSERT INTO tx_probe VALUES ($1)', [`keep${index.toString().padStart(2, '0')}`])
        : db
            .transaction(async (tx) => {
              await tx.query('INSERT INTO tx_probe VALUES ($1)', [`drop${index}`]);
              await new Promise((resolve) => setTimeout(resolve, 2));
              throw new Error('rollback');
            })
            .catch(() => {}),
    );
    await Promise.all(writers);
    expect(await ids()).toEqual(
      Array.from({ length: 10 }, (_, index) => `keep${(index * 2).toString().padStart(2, '0')}`),
    );
  });

  it('drizzle runs inside the same transaction as raw SQL', async () => {
    const { appSettings } = await import('./settings.tables');
    await expect(
      db.transaction(async (tx) => {
        await tx.orm.insert(appSettings).values({ key: 'probe', value: { n: 1 } });
        const seen = await tx.query<{ value: unknown }>('SELECT value FROM app_settings WHERE key = $1', [
          'probe',
        ]);
        expect(seen.rows[0]!.value).toEqual({ n: 1 });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await db.orm.select().from(appSettings)).toEqual([]);
  });
});
