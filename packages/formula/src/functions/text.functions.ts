import type { Value } from '../values.types';
import { eager, fail, integerArg, MANY, textArg } from './function.helpers';
import { regexFunctions } from './regex.functions';
import type { FunctionSpec } from './function.types';

/** Longest text a function may build (REPT, SUBSTITUTE): beyond it the result is an error. */
export const MAX_TEXT_LENGTH = 1_000_000;

function checked(text: string): string {
  if (text.length > MAX_TEXT_LENGTH) fail(`The text would be longer than ${MAX_TEXT_LENGTH} characters`);
  return text;
}

function find(args: Value[]): number {
  const [needle, haystack, start] = args;
  const from = start === undefined ? 0 : Math.max(0, integerArg(start) - 1);
  return textArg(haystack).indexOf(textArg(needle), from) + 1;
}

function text(signature: string, arity: [number, number], compute: (args: Value[]) => Value): FunctionSpec {
  return eager('text', signature, arity, compute);
}

/** CONCATENATE, ENCODE_URL_COMPONENT, FIND, SEARCH, LEFT, RIGHT, MID, LEN, LOWER, UPPER, TRIM, REPLACE, REPT, SUBSTITUTE, T, REGEX_*. */
export const textFunctions: FunctionSpec[] = [
  text('CONCATENATE(text, ...)', [1, MANY], (args) => checked(args.map(textArg).join(''))),
  text('ENCODE_URL_COMPONENT(text)', [1, 1], ([value]) => {
    try {
      return encodeURIComponent(textArg(value));
    } catch {
      return fail('The text has an unpaired surrogate and cannot be URL-encoded');
    }
  }),
  text('FIND(stringToFind, whereToSearch, [startFromPosition])', [2, 3], find),
  text('SEARCH(stringToFind, whereToSearch, [startFromPosition])', [2, 3], (args) => find(args) || null),
  text('LEFT(string, howMany)', [2, 2], ([value, count]) =>
    textArg(value).slice(0, Math.max(0, integerArg(count))),
  ),
  text('RIGHT(string, howMany)', [2, 2], ([value, count]) => {
    const length = integerArg(count);
    return length <= 0 ? '' : textArg(value).slice(-length);
  }),
  text('MID(string, whereToStart, count)', [3, 3], ([value, start, count]) => {
    const from = Math.max(0, integerArg(start) - 1);
    return textArg(value).slice(from, from + Math.max(0, integerArg(count)));
  }),
  text('LEN(string)', [1, 1], ([value]) => textArg(value).length),
  text('LOWER(string)', [1, 1], ([value]) => textArg(value).toLowerCase()),
  text('UPPER(string)', [1, 1], ([value]) => textArg(value).toUpperCase()),
  text('TRIM(string)', [1, 1], ([value]) => textArg(value).trim()),
  text(
    'REPLACE(string, startCharacter, numberOfCharacters, replacement)',
    [4, 4],
    ([value, start, count, replacement]) => {
      const source = textArg(value);
      const from = Math.max(0, integerArg(start) - 1);
      return checked(
        source.slice(0, from) + textArg(replacement) + source.slice(from + Math.max(0, integerArg(count))),
      );
    },
  ),
  text('REPT(string, number)', [2, 2], ([value, count]) => {
    const times = integerArg(count);
    const source = textArg(value);
    if (times < 0) fail('REPT needs a count of 0 or more');
    return checked(
      source.length * times > MAX_TEXT_LENGTH ? 'x'.repeat(MAX_TEXT_LENGTH + 1) : source.repeat(times),
    );
  }),
  text('SUBSTITUTE(string, oldText, newText, [index])', [3, 4], ([value, oldText, newText, index]) => {
    const source = textArg(value);
    const search = textArg(oldText);
    const replacement = textArg(newText);
    if (search === '') return source;
    if (index === undefined) return checked(source.split(search).join(replacement));
    const nth = integerArg(index);
    let position = -1;
    for (let seen = 0; seen < nth; seen++) {
      position = source.indexOf(search, position + 1);
      if (position < 0) return source;
    }
    return nth < 1
      ? source
      : source.slice(0, position) + replacement + source.slice(position + search.length);
  }),
  text('T(value)', [1, 1], ([value]) => (typeof value === 'string' ? value : null)),
  ...regexFunctions,
];
