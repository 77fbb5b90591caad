import { compareValues } from '../values.compare';
import { flatten } from '../values.coerce';
import type { Value } from '../values.types';
import { eager, integerArg, textArg } from './function.helpers';
import type { FunctionSpec } from './function.types';

function items(value: Value | undefined): Value[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as Value[])] : [value];
}

/** ARRAYCOMPACT, ARRAYFLATTEN, ARRAYJOIN, ARRAYUNIQUE, ARRAYSLICE (for lookups, rollups and multiple selects). */
export const arrayFunctions: FunctionSpec[] = [
  eager('array', 'ARRAYCOMPACT(values)', [1, 1], ([value]) =>
    items(value).filter((item) => item !== null && item !== ''),
  ),
  eager('array', 'ARRAYFLATTEN(values)', [1, 1], ([value]) => flatten(items(value))),
  eager('array', 'ARRAYJOIN(values, [separator])', [1, 2], ([value, separator]) =>
    flatten(items(value))
      .map((item) => textArg(item))
      .join(separator === undefined ? ', ' : textArg(separator)),
  ),
  eager('array', 'ARRAYUNIQUE(values)', [1, 1], ([value]) => {
    const unique: Value[] = [];
    for (const item of items(value)) {
      if (!unique.some((seen) => typeof seen === typeof item && compareValues(seen, item) === 0))
        unique.push(item);
    }
    return unique;
  }),
  eager('array', 'ARRAYSLICE(values, start, [end])', [2, 3], ([value, start, end]) => {
    const list = items(value);
    const first = integerArg(start);
    const from = first > 0 ? first - 1 : first < 0 ? Math.max(0, list.length + first) : 0;
    const last = end === undefined ? list.length : integerArg(end);
    const to = last >= 0 ? last : list.length + last + 1;
    return list.slice(from, to);
  }),
];
