import type { Value } from '../values.types';
import { eager, fail, textArg } from './function.helpers';
import type { FunctionSpec } from './function.types';

/** Longest pattern accepted: a bound on what one regular expression can cost per record. */
const MAX_PATTERN_LENGTH = 1000;
const cache = new Map<string, RegExp>();

// Airtable uses RE2; JavaScript's engine (Unicode mode) accepts the same common syntax (docs/formulas.md).
function compile(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
  let regex = cache.get(key);
  if (regex) {
    regex.lastIndex = 0;
    return regex;
  }
  if (pattern.length > MAX_PATTERN_LENGTH)
    fail(`The regular expression is longer than ${MAX_PATTERN_LENGTH} characters`);
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    return fail(`Invalid regular expression: ${(error as Error).message}`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, regex);
  return regex;
}

function regex(signature: string, arity: [number, number], compute: (args: Value[]) => Value): FunctionSpec {
  return eager('text', signature, arity, compute);
}

/** REGEX_MATCH, REGEX_EXTRACT, REGEX_REPLACE. */
export const regexFunctions: FunctionSpec[] = [
  regex('REGEX_MATCH(string, regex)', [2, 2], ([value, pattern]) =>
    compile(textArg(pattern), 'u').test(textArg(value)),
  ),
  regex('REGEX_EXTRACT(string, regex)', [2, 2], ([value, pattern]) => {
    const match = compile(textArg(pattern), 'u').exec(textArg(value));
    return match === null ? fail('REGEX_EXTRACT found no match') : match[0];
  }),
  regex('REGEX_REPLACE(string, regex, replacement)', [3, 3], ([value, pattern, replacement]) =>
    textArg(value).replace(compile(textArg(pattern), 'gu'), textArg(replacement)),
  ),
];
