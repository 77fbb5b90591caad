import { AppError } from '@tableport/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormula } from './syntax.parser';

const pieces = fc.constantFrom(
  '{',
  '}',
  '(',
  ')',
  '"',
  "'",
  '\\',
  ',',
  '&',
  '=',
  '!=',
  '<',
  '>',
  '-',
  '.',
  'IF',
  'AND(',
  '{Name}',
  '1',
  ' ',
  '\n',
  '😀',
  '\u201c',
);

function parsesOrFormulaError(source: string): void {
  try {
    const ast = parseFormula(source);
    expect(typeof ast.kind).toBe('string');
  } catch (error) {
    expect(AppError.isInstance(error)).toBe(true);
    expect((error as AppError).code).toMatch(/^formula\./);
  }
}

describe('parseFormula on any input', () => {
  it('returns an AST or throws a formula AppError, for any string (10,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (source) => parsesOrFormulaError(source)),
      { numRuns: 10_000 },
    );
  });

  it('does the same for strings built from formula syntax (10,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
        parsesOrFormulaError,
      ),
      { numRuns: 10_000 },
    );
  });

  it('rejects very deep nesting and long chains with formula.too_complex, not a stack overflow', () => {
    for (const source of [
      '('.repeat(5000) + '1' + ')'.repeat(5000),
      '-'.repeat(5000) + '1',
      Array(5000).fill('1').join('+'),
      'NOT('.repeat(3000) + '1' + ')'.repeat(3000),
    ]) {
      expect(() => parseFormula(source)).toThrow(expect.objectContaining({ code: 'formula.too_complex' }));
    }
  });
});
