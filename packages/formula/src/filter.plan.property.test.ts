import type { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFilter } from './filter.plan';
import { bindFormula } from './formula.bind';
import { createRecordEvaluator, isMatch, type FormulaRecord } from './formula.evaluate';
import { renderSql, sql, type Sql } from './sql.chunks';
import { filterFormula, testRecord } from './testing/formula.arbitraries';
import {
  createTestDatabase,
  loadRecords,
  selectColumn,
  TEST_FIELDS,
  testResolver,
} from './testing/pglite-table';

const NOW = Date.UTC(2024, 5, 15, 12, 30);
const RUNS = 10_000;

let db: PGlite;
let records: FormulaRecord[];
const resolver = testResolver();

beforeAll(async () => {
  db = await createTestDatabase();
  const random = fc.sample(
    fc.tuple(
      ...Array.from({ length: 36 }, (_, index) => testRecord(`rec${String(index).padStart(14, '0')}`)),
    ),
    { numRuns: 1, seed: 42 },
  )[0]!;
  const edges: FormulaRecord[] = [
    { id: 'recEmpty000000000', createdTime: '2024-06-15T00:00:00.000Z', fields: {} },
    {
      id: 'recBlankText00000',
      createdTime: '2020-02-29T12:00:00.000Z',
      fields: {
        fldName0000000001: '',
        fldTags0000000001: [],
        fldDone0000000001: false,
        fldAge00000000001: 0,
      },
    },
  ];
  records = [...random, ...edges];
  await loadRecords(db, records);
});

afterAll(async () => {
  await db.close();
});

function expectedIds(source: string): string[] {
  const evaluate = createRecordEvaluator(bindFormula(source, { fields: TEST_FIELDS }), { now: NOW });
  return records.filter((record) => isMatch(evaluate(record))).map((record) => record.id);
}

async function plannedIds(sources: string[]): Promise<string[][]> {
  const plans = sources.map((source) =>
    planFilter(bindFormula(source, { fields: TEST_FIELDS }), { resolver, now: NOW }),
  );
  const columns: Sql[] = plans.flatMap((plan, index) => [
    selectColumn(plan.where, `w${index}`),
    selectColumn(plan.recheck ?? ['FALSE'], `r${index}`),
  ]);
  const { text, params } = renderSql(
    sql`SELECT t.id, ${columns.flatMap((column, index) => (index === 0 ? column : [', ', ...column]))} FROM t ORDER BY t.id`,
  );
  const rows = (await db.query<Record<string, unknown>>(text, params)).rows;
  const byId = new Map(records.map((record) => [record.id, record]));
  return plans.map((plan, index) =>
    rows
      .filter(
        (row) =>
          row[`w${index}`] === true && plan.matches(byId.get(row.id as string)!, row[`r${index}`] === true),
      )
      .map((row) => row.id as string),
  );
}

describe('planner SQL (PGlite) and evaluator agree', () => {
  it(`on ${RUNS} random well-typed formulas over random records`, async () => {
    let pushed = 0;
    await fc.assert(
      fc.asyncProperty(filterFormula, async (source) => {
        const [actual] = await plannedIds([source]);
        expect({ source, ids: actual!.sort() }).toEqual({ source, ids: expectedIds(source).sort() });
        if (planFilter(bindFormula(source, { fields: TEST_FIELDS }), { resolver, now: NOW }).where !== null)
          pushed++;
      }),
      { numRuns: RUNS },
    );
    // Most formulas must actually run in SQL, or the comparison proves little.
    expect(pushed).toBeGreaterThan(RUNS / 2);
    // 10,000 PGlite round trips: about 20 s alone, several times that on a machine running other suites.
  }, 300_000);
});
