import { flatten, isNumericText } from '../values.coerce';
import type { Value } from '../values.types';
import { eager, fail, integerArg, MANY, numberArg } from './function.helpers';
import type { FunctionSpec } from './function.types';

/** The numbers among the (flattened) arguments: numbers and numeric text; blanks and other text are skipped. */
function numbersOf(args: Value[]): number[] {
  const numbers: number[] = [];
  for (const value of flatten(args)) {
    if (typeof value === 'number') numbers.push(value);
    else if (typeof value === 'boolean') numbers.push(value ? 1 : 0);
    else if (typeof value === 'string' && isNumericText(value)) numbers.push(Number(value));
  }
  return numbers;
}

/** Moves the decimal point by `places` without binary rounding error (1.005 stays 1.005). */
function shift(value: number, places: number): number {
  if (!Number.isFinite(value) || places === 0) return value;
  const [mantissa, exponent] = value.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

function roundWith(mode: (value: number) => number) {
  return ([value, places]: Value[]) => {
    const digits = places === undefined ? 0 : integerArg(places);
    return shift(mode(shift(numberArg(value), digits)), -digits) + 0;
  };
}

function multiple(mode: (value: number) => number) {
  return ([value, significance]: Value[]) => {
    const step = significance === undefined ? 1 : numberArg(significance);
    if (step === 0) return 0;
    return mode(numberArg(value) / step) * step + 0;
  };
}

function unary(signature: string, compute: (value: number) => number): FunctionSpec {
  return eager('numeric', signature, [1, 1], ([value]) => compute(numberArg(value)) + 0);
}

/** ABS, AVERAGE, CEILING, COUNT, COUNTA, COUNTALL, EVEN, EXP, FLOOR, INT, LOG, MAX, MIN, MOD, ODD, POWER, ROUND*, SQRT, SUM, VALUE. */
export const numericFunctions: FunctionSpec[] = [
  unary('ABS(value)', Math.abs),
  eager('numeric', 'AVERAGE(number, ...)', [1, MANY], (args) => {
    const numbers = numbersOf(args);
    return numbers.length === 0 ? 0 : numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  }),
  eager('numeric', 'CEILING(value, [significance])', [1, 2], multiple(Math.ceil)),
  eager('numeric', 'FLOOR(value, [significance])', [1, 2], multiple(Math.floor)),
  eager(
    'numeric',
    'COUNT(value, ...)',
    [1, MANY],
    (args) => flatten(args).filter((v) => typeof v === 'number').length,
  ),
  eager(
    'numeric',
    'COUNTA(value, ...)',
    [1, MANY],
    (args) => flatten(args).filter((v) => v !== null && v !== '').length,
  ),
  eager('numeric', 'COUNTALL(value, ...)', [1, MANY], (args) => flatten(args).length),
  unary('EVEN(value)', (value) => Math.sign(value) * Math.ceil(Math.abs(value) / 2) * 2),
  unary('ODD(value)', (value) => (value < 0 ? -1 : 1) * (Math.ceil((Math.abs(value) + 1) / 2) * 2 - 1)),
  unary('EXP(power)', Math.exp),
  unary('INT(value)', Math.floor),
  eager('numeric', 'LOG(number, [base])', [1, 2], ([value, base]) => {
    const number = numberArg(value);
    const radix = base === undefined ? 10 : numberArg(base);
    return radix === 10 ? Math.log10(number) : Math.log(number) / Math.log(radix);
  }),
  eager('numeric', 'MAX(number, ...)', [1, MANY], (args) => {
    const numbers = numbersOf(args);
    return numbers.length === 0 ? 0 : numbers.reduce((a, b) => (b > a || Number.isNaN(b) ? b : a));
  }),
  eager('numeric', 'MIN(number, ...)', [1, MANY], (args) => {
    const numbers = numbersOf(args);
    return numbers.length === 0 ? 0 : numbers.reduce((a, b) => (b < a || Number.isNaN(b) ? b : a));
  }),
  eager(
    'numeric',
    'MOD(value, divisor)',
    [2, 2],
    ([value, divisor]) => (numberArg(value) % numberArg(divisor)) + 0,
  ),
  eager('numeric', 'POWER(base, power)', [2, 2], ([base, power]) => numberArg(base) ** numberArg(power)),
  eager('numeric', 'ROUND(value, [precision])', [1, 2], roundWith(Math.round)),
  eager(
    'numeric',
    'ROUNDUP(value, [precision])',
    [1, 2],
    roundWith((v) => Math.sign(v) * Math.ceil(Math.abs(v))),
  ),
  eager('numeric', 'ROUNDDOWN(value, [precision])', [1, 2], roundWith(Math.trunc)),
  unary('SQRT(value)', Math.sqrt),
  eager('numeric', 'SUM(number, ...)', [1, MANY], (args) =>
    numbersOf(args).reduce((sum, value) => sum + value, 0),
  ),
  eager('numeric', 'VALUE(text)', [1, 1], ([value]) => {
    if (typeof value === 'number' || value === null) return value;
    // Airtable: VALUE("$1,000") is 1000 — characters other than digits, "." and "-" are dropped.
    const cleaned = (typeof value === 'string' ? value : String(numberArg(value))).replace(/[^0-9.-]/g, '');
    if (!/^-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(cleaned))
      fail(`VALUE could not read a number from ${JSON.stringify(value)}`);
    return Number(cleaned);
  }),
];
