import { describe, expect, it } from 'vitest';
import { BLANK_RECORD, ERROR, run, type Case } from './cases.fixture';

const cases: Case[] = [
  ['AND(1, "a", TRUE())', true],
  ['AND(1, 0)', false],
  ['AND({Tags})', true],
  ['AND({Tags}, "")', false],
  ['AND({Name}, {Age})', false, BLANK_RECORD],
  ['AND(1, ERROR())', ERROR],
  ['OR(0, "", BLANK())', false],
  ['OR(0, "x")', true],
  ['OR({Done}, FALSE())', true],
  ['OR({Done}, FALSE())', false, BLANK_RECORD],
  ['XOR(1, 1)', false],
  ['XOR(1, 0)', true],
  ['XOR(1, 1, 1)', true],
  ['NOT(0)', true],
  ['NOT("")', true],
  ['NOT("a")', false],
  ['NOT(BLANK())', true],
  ['NOT(0/0)', true],
  ['IF({Age} > 30, "old", "young")', 'old'],
  ['IF({Age} > 40, "old", "young")', 'young'],
  ['IF({Age} > 40, "old")', null],
  ['IF(BLANK(), 1, 2)', 2],
  ['IF("0", 1, 2)', 1],
  ['IF(TRUE(), 1, ERROR())', 1],
  ['IF(ERROR(), 1, 2)', ERROR],
  ['IF({Tags}, "has tags", "none")', 'has tags'],
  ['IF({Tags}, "has tags", "none")', 'none', BLANK_RECORD],
  ['SWITCH({Status}, "Todo", 1, "Done", 2, 0)', 2],
  ['SWITCH({Status}, "Todo", 1, 0)', 0],
  ['SWITCH({Status}, "Todo", 1)', null],
  ['SWITCH({Age}, 36, "match")', 'match'],
  ['SWITCH(2, 1, "one", 2, "two")', 'two'],
  ['SWITCH("x", "y", ERROR(), "ok")', 'ok'],
  ['TRUE()', true],
  ['FALSE()', false],
  ['TRUE', true],
  ['true = 1', true],
  ['BLANK()', null],
  ['ERROR()', ERROR],
  ['ISERROR(ERROR())', true],
  ['ISERROR(1/0)', false],
  ['ISERROR("a" * 1)', true],
  ['ISERROR({Age})', false],
  ['IF(ISERROR(VALUE("x")), "bad", "good")', 'bad'],
];

describe('logical functions', () => {
  it.each(cases)('%s → %j', (formula, expected, record) => {
    expect(run(formula, record)).toEqual(expected);
  });
});
