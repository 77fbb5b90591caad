// `npm run bench -- formula`: a five-clause filter (text, number, date, select, checkbox) over 100,000
// records, three ways: in-process evaluation, the planner's SQL on PGlite, and hand-written SQL.
import { PGlite } from '@electric-sql/pglite';
import {
  bindFormula,
  createRecordEvaluator,
  isMatch,
  planFilter,
  renderSql,
  sql,
  type ColumnResolver,
  type FormulaField,
  type FormulaRecord,
} from '../packages/formula/src/index';

const ROWS = 100_000;
const REPEAT = 7;
const FORMULA =
  'AND(FIND("an", {Name}) > 0, {Age} >= 30, {Due} >= "2023-06-01", {Status} = "Active", {Done})';
const HAND_SQL =
  "SELECT id FROM bench WHERE strpos(name, 'an') > 0 AND age >= 30 AND due >= '2023-06-01' AND status = 'Active' AND done";

const fields: FormulaField[] = [
  { id: 'fldName', name: 'Name', type: 'singleLineText' },
  { id: 'fldAge', name: 'Age', type: 'number' },
  { id: 'fldDue', name: 'Due', type: 'date' },
  { id: 'fldStatus', name: 'Status', type: 'singleSelect' },
  { id: 'fldDone', name: 'Done', type: 'checkbox' },
];
const columns: Record<string, { type: 'text' | 'number' | 'date' | 'boolean'; column: string }> = {
  fldName: { type: 'text', column: 'name' },
  fldAge: { type: 'number', column: 'age' },
  fldDue: { type: 'date', column: 'due' },
  fldStatus: { type: 'text', column: 'status' },
  fldDone: { type: 'boolean', column: 'done' },
};
const resolver: ColumnResolver = {
  fields,
  column: (field) => {
    const column = columns[field.id];
    return column ? { type: column.type, sql: [column.column] } : null;
  },
  recordId: () => ['id'],
  createdTime: () => null,
  lastModifiedTime: () => null,
};

function makeRecords(): FormulaRecord[] {
  const syllables = ['an', 'bo', 'ca', 'de', 'el', 'fi', 'gu', 'ha', 'in', 'jo'];
  const statuses = ['Active', 'Paused', 'Done', 'Archived'];
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: ROWS }, (_, index) => {
    const name = Array.from({ length: 3 }, () => syllables[Math.floor(random() * 10)]).join('');
    const due = new Date(Date.UTC(2022, 0, 1) + Math.floor(random() * 1000) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const fieldsOf: Record<string, unknown> = {
      fldName: name,
      fldAge: Math.floor(random() * 80),
      fldDue: due,
      fldStatus: statuses[Math.floor(random() * 4)],
    };
    if (random() < 0.5) fieldsOf.fldDone = true;
    return {
      id: `rec${String(index).padStart(14, '0')}`,
      createdTime: '2024-01-01T00:00:00.000Z',
      fields: fieldsOf,
    };
  });
}

async function load(db: PGlite, records: FormulaRecord[]): Promise<void> {
  await db.exec(
    'CREATE TABLE bench (id text PRIMARY KEY, name text, age double precision, due date, status text, done boolean)',
  );
  const column = (key: string) => records.map((record) => record.fields[key] ?? null);
  await db.query(
    'INSERT INTO bench SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::date[], $5::text[], $6::boolean[])',
    [
      records.map((r) => r.id),
      column('fldName'),
      column('fldAge'),
      column('fldDue'),
      column('fldStatus'),
      column('fldDone'),
    ],
  );
  await db.exec('ANALYZE bench');
}

async function median(run: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const times: number[] = [];
  let count = 0;
  for (let index = 0; index < REPEAT; index++) {
    const start = performance.now();
    count = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, count };
}

export default async function bench(_args: string[]): Promise<void> {
  const records = makeRecords();
  const db = await PGlite.create();
  await load(db, records);
  const bound = bindFormula(FORMULA, { fields });
  const now = Date.now();

  const evaluate = createRecordEvaluator(bound, { now });
  const evaluation = await median(async () => records.filter((record) => isMatch(evaluate(record))).length);

  const plan = planFilter(bound, { resolver, now });
  if (plan.where === null || plan.residual !== null || plan.recheck !== null)
    throw new Error('the bench filter must push down whole');
  const planned = renderSql(sql`SELECT id FROM bench WHERE ${plan.where}`);
  const planner = await median(async () => (await db.query(planned.text, planned.params)).rows.length);
  const hand = await median(async () => (await db.query(HAND_SQL)).rows.length);
  await db.close();

  if (evaluation.count !== planner.count || planner.count !== hand.count) {
    throw new Error(`results differ: eval ${evaluation.count}, planner ${planner.count}, hand ${hand.count}`);
  }
  console.log(`rows=${ROWS} matches=${hand.count} (median of ${REPEAT})`);
  console.log(`formula: ${FORMULA}`);
  console.log(`planner SQL: ${planned.text}`);
  console.log(`in-process evaluation: ${evaluation.ms.toFixed(1)} ms`);
  console.log(`planner SQL on PGlite: ${planner.ms.toFixed(1)} ms`);
  console.log(`hand-written SQL on PGlite: ${hand.ms.toFixed(1)} ms`);
  const ratio = planner.ms / hand.ms;
  console.log(
    `formula: eval_ms=${evaluation.ms.toFixed(1)} planner_sql_ms=${planner.ms.toFixed(1)} hand_sql_ms=${hand.ms.toFixed(1)} ratio=${ratio.toFixed(2)}`,
  );
}
