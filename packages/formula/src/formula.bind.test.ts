import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import { bindFormula } from './formula.bind';
import { TEST_FIELDS } from './testing/pglite-table';

function failure(formula: string): { code: string; position: unknown; message: string } {
  try {
    bindFormula(formula, { fields: TEST_FIELDS });
  } catch (error) {
    if (!AppError.isInstance(error)) throw error;
    return { code: error.code, position: error.details?.position, message: error.message };
  }
  throw new Error(`expected ${formula} to fail`);
}

const errors: [string, string, number | undefined][] = [
  ['{Nmae} = 1', 'formula.unknown_field', 0],
  ['1 + {Missing}', 'formula.unknown_field', 4],
  ['Nmae', 'formula.unknown_field', 0],
  ['FOO(1)', 'formula.unknown_function', 0],
  ['IFERROR(1, 2)', 'formula.unknown_function', 0],
  ['IF(1)', 'formula.wrong_argument_count', 0],
  ['NOT(1, 2)', 'formula.wrong_argument_count', 0],
  ['AND()', 'formula.wrong_argument_count', 0],
  ['TRUE(1)', 'formula.wrong_argument_count', 0],
  ['DATEADD({Due}, 1)', 'formula.wrong_argument_count', 0],
  ['', 'formula.syntax', 0],
  ['1 +', 'formula.syntax', 3],
  ['(1', 'formula.syntax', 2],
  ['1)', 'formula.syntax', 1],
  ['"open', 'formula.syntax', 0],
  ['{open', 'formula.syntax', 0],
  ['1 <> 2', 'formula.syntax', 2],
  ['1 == 2', 'formula.syntax', 2],
  ['a && b', 'formula.syntax', 2],
  ['\u201cquoted\u201d', 'formula.syntax', 0],
  ['IF(1,,2)', 'formula.syntax', 5],
  ['1 2', 'formula.syntax', 2],
  ['#', 'formula.syntax', 0],
];

describe('formula errors carry a stable code, a position and an actionable message', () => {
  it.each(errors)('%s → %s at %s', (formula, code, position) => {
    const error = failure(formula);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('names the known fields when a field is unknown', () => {
    expect(failure('{Nmae}').message).toContain('{Name}');
  });

  it('gives the signature when the argument count is wrong', () => {
    expect(failure('IF(1)').message).toContain('IF(condition, valueIfTrue, [valueIfFalse])');
  });

  it('resolves fields by id, exact name, and unique case-insensitive name', () => {
    const byId = bindFormula('{fldAge00000000001}', { fields: TEST_FIELDS });
    const byName = bindFormula('{age} + Age', { fields: TEST_FIELDS });
    expect(byId.fields.map((field) => field.name)).toEqual(['Age']);
    expect(byName.fields.map((field) => field.name)).toEqual(['Age']);
  });

  it('reads function names case-insensitively and field names with escaped braces', () => {
    const fields = [{ id: 'fldX', name: 'a}b', type: 'singleLineText' as const }];
    expect(bindFormula('len({a\\}b})', { fields }).fields).toHaveLength(1);
  });
});
