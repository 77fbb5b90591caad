import { defineErrorCodes } from './error-spec';

const airtable = { type: 'INVALID_FILTER_BY_FORMULA', status: 422 } as const;

/** Codes of the formula language (packages/formula): `details.position` is the 0-based offset. */
export const formulaErrorCodes = defineErrorCodes({
  'formula.syntax': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'The formula is not valid syntax; `details.position` points at the problem and the message says what was expected.',
    airtable,
  },
  'formula.unknown_field': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'A `{Field}` reference names no field of the table; `details.field` is the name used.',
    airtable,
  },
  'formula.unknown_function': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'A function name is not in the formula catalogue (docs/formulas.md lists them).',
    airtable,
  },
  'formula.wrong_argument_count': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'A function got too few or too many arguments; the message gives the expected count.',
    airtable,
  },
  'formula.invalid_argument': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'An argument can never be valid (for example an unknown date unit or an empty filter).',
    airtable,
  },
  'formula.too_complex': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'The formula is too long or nested too deeply; split it or simplify it.',
    airtable,
  },
});
