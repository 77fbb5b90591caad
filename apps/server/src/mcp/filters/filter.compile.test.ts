import { AppError } from '@tableport/contracts';
import { parseFormula } from '@tableport/formula';
import { describe, expect, it } from 'vitest';
import { compileFilter } from './filter.compile';
import { filterSchema, type FilterNode } from './filter.schema';

const compile = (filter: unknown) => compileFilter(filterSchema.parse(filter));

describe('structured filters', () => {
  it('compiles conditions and combinations to formulas that parse', () => {
    const cases: [unknown, string][] = [
      [{ field: 'Status', op: '=', value: 'Done' }, "{Status}='Done'"],
      [{ field: 'Age', op: '>=', value: 21 }, '{Age}>=21'],
      [{ field: 'Name', op: 'contains', value: 'Ann' }, "FIND('ann', LOWER({Name}))>0"],
      [{ field: 'Notes', op: 'is_empty' }, '{Notes}=BLANK()'],
      [{ field: 'Tag', op: 'in', value: ['a', 'b'] }, "OR({Tag}='a', {Tag}='b')"],
      [
        { and: [{ field: 'Done', op: '=', value: true }, { not: { field: 'Owner', op: 'is_not_empty' } }] },
        'AND({Done}=TRUE(), NOT(NOT({Owner}=BLANK())))',
      ],
    ];
    for (const [filter, formula] of cases) {
      expect(compile(filter)).toBe(formula);
      expect(() => parseFormula(formula)).not.toThrow();
    }
  });

  it('escapes names and values so they cannot change the formula', () => {
    const formula = compile({ field: 'We}ird', op: '=', value: "O'Brien') , TRUE()" });
    expect(formula).toBe("{We\\}ird}='O\\'Brien\\') , TRUE()'");
    expect(() => parseFormula(formula)).not.toThrow();
  });

  it('rejects malformed trees with a message naming the problem', () => {
    expect(filterSchema.safeParse({ field: 'A', op: '=' }).error?.issues[0]?.message).toBe(
      'op "=" needs a value',
    );
    expect(filterSchema.safeParse({ field: 'A', op: 'in', value: 'x' }).success).toBe(false);
    expect(filterSchema.safeParse({ field: 'A', op: 'like', value: 'x' }).success).toBe(false);
    expect(filterSchema.safeParse({ and: [] }).success).toBe(false);
  });

  it('limits depth and size', () => {
    let deep: FilterNode = { field: 'A', op: '=', value: 1 };
    for (let index = 0; index < 9; index++) deep = { not: deep };
    const error = (() => {
      try {
        compileFilter(deep);
      } catch (caught) {
        return caught;
      }
    })();
    expect(AppError.isInstance(error) && error.code).toBe('mcp.invalid_arguments');
    const wide = { or: Array.from({ length: 101 }, (_, n) => ({ field: 'A', op: '=', value: n })) };
    expect(() => compile(wide)).toThrow(/more than 100 conditions/);
  });
});
