import { arrayFunctions } from './array.functions';
import { dateFunctions } from './date.functions';
import type { FunctionSpec } from './function.types';
import { logicalFunctions } from './logical.functions';
import { numericFunctions } from './numeric.functions';
import { recordFunctions } from './record.functions';
import { textFunctions } from './text.functions';

/** Every function of the formula language, by upper-case name. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  [
    ...logicalFunctions,
    ...numericFunctions,
    ...textFunctions,
    ...dateFunctions,
    ...arrayFunctions,
    ...recordFunctions,
  ].map((spec) => [spec.name, spec]),
);

/** The function with that name (case-insensitive), or undefined. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return FUNCTIONS.get(name.toUpperCase());
}
