import { bindFormula } from '../formula.bind';
import { createRecordEvaluator, valueToCell, type FormulaRecord } from '../formula.evaluate';
import { TEST_FIELDS } from '../testing/pglite-table';

/** "Now" for every table case: 2024-06-15T12:30:00Z (a Saturday). */
export const NOW = Date.UTC(2024, 5, 15, 12, 30);

/** The record most cases read; `BLANK_RECORD` has every cell empty. */
export const RECORD: FormulaRecord = {
  id: 'recAAAAAAAAAAAAAA',
  createdTime: '2024-01-02T03:04:05.000Z',
  lastModifiedTime: '2024-02-03T04:05:06.000Z',
  fields: {
    fldName0000000001: 'Ada Lovelace',
    fldNotes000000001: 'Ünïcödé 😀 text',
    fldAge00000000001: 36,
    fldPrice000000001: 19.99,
    fldDone0000000001: true,
    fldStatus00000001: 'Done',
    fldTags0000000001: ['red', 'green', 'red'],
    fldDue00000000001: '2024-03-31',
    fldAt000000000001: '2024-03-31T22:15:30.250Z',
    fldScore000000001: 4,
  },
};

export const BLANK_RECORD: FormulaRecord = {
  id: 'recBBBBBBBBBBBBBB',
  createdTime: '2024-01-01T00:00:00.000Z',
  fields: {},
};

/** Evaluates a formula on a record and returns Airtable cell JSON (dates as ISO text, errors as {error}). */
export function run(formula: string, record: FormulaRecord = RECORD): unknown {
  return valueToCell(
    createRecordEvaluator(bindFormula(formula, { fields: TEST_FIELDS }), { now: NOW })(record),
  );
}

/** A table row: formula, expected cell JSON, and optionally the record (default RECORD). */
export type Case = [formula: string, expected: unknown, record?: FormulaRecord];

/** The error cell every #ERROR! value becomes. */
export const ERROR = { error: '#ERROR!' };
