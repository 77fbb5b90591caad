import { compareValues } from '../values.compare';
import { flatten, isTruthy } from '../values.coerce';
import { FormulaErrorValue, errorValue } from '../values.types';
import { eager, lazy, MANY } from './function.helpers';
import type { FunctionSpec } from './function.types';

/** AND, OR, XOR, NOT, IF, SWITCH, TRUE, FALSE, BLANK, ERROR, ISERROR. */
export const logicalFunctions: FunctionSpec[] = [
  eager('logical', 'AND(expression, ...)', [1, MANY], (args) => flatten(args).every(isTruthy)),
  eager('logical', 'OR(expression, ...)', [1, MANY], (args) => flatten(args).some(isTruthy)),
  eager(
    'logical',
    'XOR(expression, ...)',
    [1, MANY],
    (args) => flatten(args).filter(isTruthy).length % 2 === 1,
  ),
  eager('logical', 'NOT(expression)', [1, 1], ([value]) => !isTruthy(value!)),
  lazy('logical', 'IF(condition, valueIfTrue, [valueIfFalse])', [2, 3], ([condition, yes, no]) => {
    const test = condition!();
    if (test instanceof FormulaErrorValue) return test;
    if (isTruthy(test)) return yes!();
    return no ? no() : null;
  }),
  lazy('logical', 'SWITCH(expression, pattern, result, ..., [default])', [2, MANY], (args) => {
    const subject = args[0]!();
    if (subject instanceof FormulaErrorValue) return subject;
    let index = 1;
    for (; index + 1 < args.length; index += 2) {
      const pattern = args[index]!();
      const order = compareValues(subject, pattern);
      if (order instanceof FormulaErrorValue) return order;
      if (order === 0) return args[index + 1]!();
    }
    return index < args.length ? args[index]!() : null;
  }),
  eager('logical', 'TRUE()', [0, 0], () => true),
  eager('logical', 'FALSE()', [0, 0], () => false),
  eager('logical', 'BLANK()', [0, 0], () => null),
  eager('logical', 'ERROR()', [0, 0], () => errorValue('ERROR() was called')),
  lazy('logical', 'ISERROR(expression)', [1, 1], ([value]) => value!() instanceof FormulaErrorValue),
];
