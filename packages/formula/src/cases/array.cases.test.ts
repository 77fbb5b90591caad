import { describe, expect, it } from 'vitest';
import { BLANK_RECORD, run, type Case } from './cases.fixture';

const cases: Case[] = [
  ['{Tags}', ['red', 'green', 'red']],
  ['{Tags}', null, BLANK_RECORD],
  ['ARRAYJOIN({Tags})', 'red, green, red'],
  ['ARRAYJOIN({Tags}, "|")', 'red|green|red'],
  ['ARRAYJOIN({Tags}, "")', 'redgreenred'],
  ['ARRAYJOIN({Tags})', '', BLANK_RECORD],
  ['ARRAYJOIN("solo")', 'solo'],
  ['ARRAYUNIQUE({Tags})', ['red', 'green']],
  ['ARRAYCOMPACT({Tags})', ['red', 'green', 'red']],
  ['ARRAYFLATTEN({Tags})', ['red', 'green', 'red']],
  ['ARRAYSLICE({Tags}, 2)', ['green', 'red']],
  ['ARRAYSLICE({Tags}, 1, 2)', ['red', 'green']],
  ['ARRAYSLICE({Tags}, -2)', ['green', 'red']],
  ['ARRAYSLICE({Tags}, 1, -2)', ['red', 'green']],
  ['ARRAYSLICE({Tags}, 5)', []],
  ['COUNTALL(ARRAYCOMPACT({Tags}))', 3],
  ['LEN(ARRAYJOIN(ARRAYUNIQUE({Tags}), ""))', 8],
  ['FIND("green", ARRAYJOIN({Tags}))', 6],
  ['IF(ARRAYCOMPACT({Tags}), 1, 0)', 0, BLANK_RECORD],
];

describe('array functions', () => {
  it.each(cases)('%s → %j', (formula, expected, record) => {
    expect(run(formula, record)).toEqual(expected);
  });
});
