import { PGlite } from '@electric-sql/pglite';
import type { FormulaField } from '../formula.bind';
import type { FormulaRecord } from '../formula.evaluate';
import { sql, type Sql } from '../sql.chunks';
import type { ColumnResolver, SqlColumnType } from '../sql.resolver';

/** The fields of the test table: one of each value kind the compiler reads. */
export const TEST_FIELDS: FormulaField[] = [
  { id: 'fldName0000000001', name: 'Name', type: 'singleLineText' },
  { id: 'fldNotes000000001', name: 'Notes', type: 'multilineText' },
  { id: 'fldAge00000000001', name: 'Age', type: 'number' },
  { id: 'fldPrice000000001', name: 'Price', type: 'currency' },
  { id: 'fldDone0000000001', name: 'Done', type: 'checkbox' },
  { id: 'fldStatus00000001', name: 'Status', type: 'singleSelect' },
  { id: 'fldTags0000000001', name: 'Tags', type: 'multipleSelects' },
  { id: 'fldDue00000000001', name: 'Due', type: 'date' },
  { id: 'fldAt000000000001', name: 'Meeting At', type: 'dateTime' },
  { id: 'fldScore000000001', name: 'Score', type: 'rating' },
];

const SQL_TYPES: Record<string, [SqlColumnType, string]> = {
  singleLineText: ['text', 'text'],
  multilineText: ['text', 'text'],
  singleSelect: ['text', 'text'],
  number: ['number', 'double precision'],
  currency: ['number', 'double precision'],
  rating: ['number', 'double precision'],
  checkbox: ['boolean', 'boolean'],
  multipleSelects: ['textArray', 'text[]'],
  date: ['date', 'date'],
  dateTime: ['timestamp', 'timestamptz'],
};

/** The test layout's resolver: one column per field, named by field id (what the store does too). */
export function testResolver(table = 't'): ColumnResolver {
  return {
    fields: TEST_FIELDS,
    column: (field) => {
      const type = SQL_TYPES[field.type];
      return type ? { type: type[0], sql: [`${table}."${field.id}"`] } : null;
    },
    recordId: () => [`${table}.id`],
    createdTime: () => [`${table}.created_time`],
    lastModifiedTime: () => [`${table}.modified_time`],
  };
}

/** A fresh in-memory PGlite with the test table. */
export async function createTestDatabase(): Promise<PGlite> {
  const db = await PGlite.create();
  const columns = TEST_FIELDS.map((field) => `"${field.id}" ${SQL_TYPES[field.type]![1]}`).join(', ');
  await db.exec(
    `CREATE TABLE t (id text PRIMARY KEY, created_time timestamptz NOT NULL, modified_time timestamptz NOT NULL, ${columns})`,
  );
  return db;
}

/** Replaces the table's rows with these records (cell JSON keyed by field id). */
export async function loadRecords(db: PGlite, records: FormulaRecord[]): Promise<void> {
  await db.exec('DELETE FROM t');
  const names = ['id', 'created_time', 'modified_time', ...TEST_FIELDS.map((field) => `"${field.id}"`)];
  for (const record of records) {
    const values = [
      record.id,
      new Date(record.createdTime as string).toISOString(),
      new Date((record.lastModifiedTime ?? record.createdTime) as string).toISOString(),
      ...TEST_FIELDS.map((field) => record.fields[field.id] ?? null),
    ];
    const placeholders = values.map((_, index) => `$${index + 1}`).join(', ');
    await db.query(`INSERT INTO t (${names.join(', ')}) VALUES (${placeholders})`, values);
  }
}

/** Wraps a boolean fragment as a selected column. */
export function selectColumn(fragment: Sql | null, alias: string): Sql {
  return fragment === null ? [`TRUE AS ${alias}`] : sql`(${fragment}) AS ${[alias]}`;
}
