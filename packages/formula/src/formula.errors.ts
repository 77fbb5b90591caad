import { AppError } from '@tableport/contracts';
import type { Span } from './ast.types';

/** The formula error codes (docs/errors.md). */
export type FormulaErrorCode =
  | 'formula.syntax'
  | 'formula.unknown_field'
  | 'formula.unknown_function'
  | 'formula.wrong_argument_count'
  | 'formula.invalid_argument'
  | 'formula.too_complex';

/** Builds the AppError for a formula problem; `details.position` is the 0-based offset in the formula. */
export function formulaError(
  code: FormulaErrorCode,
  message: string,
  span: Span | null,
  details: Record<string, unknown> = {},
): AppError {
  const where = span === null ? '' : ` (at position ${span.start})`;
  return new AppError({
    code,
    message: `${message}${where}`,
    details: span === null ? details : { position: span.start, end: span.end, ...details },
  });
}

/** True when the value is an AppError with one of the formula codes. */
export function isFormulaError(value: unknown): value is AppError {
  return AppError.isInstance(value) && value.code.startsWith('formula.');
}
