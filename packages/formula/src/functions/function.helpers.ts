import { toDate, toNumber, toText } from '../values.coerce';
import type { FormulaDate } from '../values.types';
import { FormulaErrorValue, errorValue, type Value } from '../values.types';
import type { EagerFunction, FunctionCategory, LazyFunction } from './function.types';

/** Thrown inside a function body to return an error value (caught by the evaluator's call wrapper). */
export class ErrorSignal extends Error {
  constructor(readonly error: FormulaErrorValue) {
    super(error.message);
  }
}

/** Returns the error value to the formula. */
export function fail(message: string): never {
  throw new ErrorSignal(errorValue(message));
}

/** The argument as a number, or the formula gets an error. */
export function numberArg(value: Value | undefined): number {
  const number = toNumber(value ?? null);
  if (number instanceof FormulaErrorValue) throw new ErrorSignal(number);
  return number;
}

/** The argument as an integer count or position (truncated), or an error. */
export function integerArg(value: Value | undefined): number {
  return Math.trunc(numberArg(value));
}

/** The argument as text (blank is ""). */
export function textArg(value: Value | undefined): string {
  return toText(value ?? null);
}

/** The argument as a date; blank stays null. */
export function dateArg(value: Value | undefined): FormulaDate | null {
  const date = toDate(value ?? null);
  if (date instanceof FormulaErrorValue) throw new ErrorSignal(date);
  return date;
}

/** The argument as a date, or an error when it is blank. */
export function requiredDateArg(value: Value | undefined, name: string): FormulaDate {
  const date = dateArg(value);
  if (date === null) fail(`${name} needs a date`);
  return date;
}

/** Defines an eager function. */
export function eager(
  category: FunctionCategory,
  signature: string,
  [minArgs, maxArgs]: [number, number],
  evaluate: EagerFunction['evaluate'],
  volatile = false,
): EagerFunction {
  return {
    name: signature.slice(0, signature.indexOf('(')),
    category,
    signature,
    minArgs,
    maxArgs,
    evaluate,
    volatile,
  };
}

/** Defines a lazy function. */
export function lazy(
  category: FunctionCategory,
  signature: string,
  [minArgs, maxArgs]: [number, number],
  evaluate: LazyFunction['evaluate'],
): LazyFunction {
  return {
    name: signature.slice(0, signature.indexOf('(')),
    category,
    signature,
    minArgs,
    maxArgs,
    evaluate,
    lazy: true,
  };
}

/** Unlimited argument count. */
export const MANY = Number.POSITIVE_INFINITY;
