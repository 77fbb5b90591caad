import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD, run } from './cases/cases.fixture';
import {
  and,
  compare,
  contains,
  fieldRef,
  isBlank,
  literal,
  match,
  not,
  or,
  search,
} from './formula.builder';
import { parseFormula } from './syntax.parser';

describe('formula builder', () => {
  it('writes pyairtable-compatible formulas', () => {
    expect(match({ Name: "O'Brien", Age: ['>=', 21] })).toBe("AND({Name}='O\\'Brien', {Age}>=21)");
    expect(match({ Name: 'x' })).toBe("{Name}='x'");
    expect(match({ A: 1, B: true }, { any: true })).toBe('OR({A}=1, {B}=TRUE())');
    expect(literal(new Date('2024-01-02T00:00:00.000Z'))).toBe("DATETIME_PARSE('2024-01-02T00:00:00.000Z')");
    expect(literal(null)).toBe('BLANK()');
    expect(literal(-2)).toBe('(-2)');
    expect(fieldRef('a}b\\c')).toBe('{a\\}b\\\\c}');
    expect(not(isBlank('Name'))).toBe('NOT({Name}=BLANK())');
  });

  it('refuses values that cannot be written', () => {
    expect(() => literal(Number.NaN)).toThrow(expect.objectContaining({ code: 'formula.invalid_argument' }));
    expect(() => and()).toThrow(expect.objectContaining({ code: 'formula.invalid_argument' }));
  });

  it('builds filters that evaluate as intended', () => {
    expect(run(and(compare('Age', '>', 30), compare('Status', '=', 'Done')), RECORD)).toBe(true);
    expect(run(or(compare('Age', '<', 30), isBlank('Name')), RECORD)).toBe(false);
    expect(run(contains('Name', 'LOVE'), RECORD)).toBe(true);
    expect(run(contains('Name', 'LOVE', { caseSensitive: true }), RECORD)).toBe(false);
    expect(run(search(['Status', 'Name'], 'ada'), RECORD)).toBe(true);
  });

  it('round-trips any string value: the literal parses back to the same string (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const node = parseFormula(literal(value));
        expect(node).toMatchObject({ kind: 'string', value });
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps any field name a single reference (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (name) => {
        expect(parseFormula(fieldRef(name))).toMatchObject({ kind: 'field', name });
      }),
      { numRuns: 1000 },
    );
  });
});
