import { airtableErrorCodes } from './codes.airtable';
import { coreErrorCodes } from './codes.core';
import { dataErrorCodes } from './codes.data';
import { outboundErrorCodes } from './codes.outbound';
import { formulaErrorCodes } from './codes.formula';
import { platformErrorCodes } from './codes.platform';
import { mcpErrorCodes } from './codes.mcp';
import { storeErrorCodes } from './codes.store';

/**
 * Every stable error code, merged from one file per module (`codes.<module>.ts`).
 * docs/errors.md is generated from this object (`npm run docs:errors`) and a test keeps them in sync.
 */
export const ERROR_CODES = {
  ...coreErrorCodes,
  ...outboundErrorCodes,
  ...formulaErrorCodes,
  ...airtableErrorCodes,
  ...platformErrorCodes,
  ...dataErrorCodes,
  ...mcpErrorCodes,
  ...storeErrorCodes,
} as const;

/** A stable error code such as `record.not_found`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** True when the string is a registered error code. */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
