import type { BinaryOperator } from './ast.types';
import type { BoundFormula, BoundNode } from './formula.bind';
import { ErrorSignal } from './functions/function.helpers';
import type { EvaluationContext, FunctionSpec } from './functions/function.types';
import { compareValues } from './values.compare';
import { cellToValue } from './values.cells';
import { toNumber, toText } from './values.coerce';
import { FormulaErrorValue, type Value } from './values.types';

/** What one evaluation reads: the record's cells (by field id or name, see `cellKey`) and context. */
export interface EvaluationScope {
  readonly cells: Readonly<Record<string, unknown>>;
  readonly context: EvaluationContext;
}

/** A formula compiled to closures: call it once per record. */
export type CompiledEvaluator = (scope: EvaluationScope) => Value;

type Closure = (scope: EvaluationScope) => Value;

/**
 * Compiles a bound formula to closures once, so that evaluating it on 100k records does not walk
 * the tree again. Sub-trees made only of literals are computed at compile time.
 */
export function compileEvaluator(
  formula: BoundFormula,
  options: { cellKey?: 'id' | 'name' } = {},
): CompiledEvaluator {
  return compileNode(formula.root, options.cellKey ?? 'id');
}

const DEPENDS_ON_RECORD = new Set(['RECORD_ID', 'CREATED_TIME', 'LAST_MODIFIED_TIME']);

/** True when the node's value is the same for every record and every moment. */
export function isConstantNode(node: BoundNode): boolean {
  switch (node.kind) {
    case 'field':
      return false;
    case 'unary':
      return isConstantNode(node.operand);
    case 'binary':
      return isConstantNode(node.left) && isConstantNode(node.right);
    case 'call':
      return (
        !DEPENDS_ON_RECORD.has(node.name) &&
        !(node.spec.lazy !== true && node.spec.volatile === true) &&
        node.args.every(isConstantNode)
      );
    default:
      return true;
  }
}

const NO_CONTEXT: EvaluationScope = {
  cells: {},
  context: { recordId: '', createdTime: 0, lastModifiedTime: 0, now: 0 },
};

function compileNode(node: BoundNode, cellKey: 'id' | 'name'): Closure {
  const closure = buildClosure(node, cellKey);
  if (node.kind === 'number' || node.kind === 'string' || node.kind === 'boolean' || !isConstantNode(node))
    return closure;
  const value = closure(NO_CONTEXT);
  return () => value;
}

function buildClosure(node: BoundNode, cellKey: 'id' | 'name'): Closure {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean': {
      const value = node.value;
      return () => value;
    }
    case 'field': {
      const field = node.field;
      const key = cellKey === 'id' ? field.id : field.name;
      return (scope) => cellToValue(field as Parameters<typeof cellToValue>[0], scope.cells[key]);
    }
    case 'unary': {
      const operand = compileNode(node.operand, cellKey);
      const sign = node.operator === '-' ? -1 : 1;
      return (scope) => {
        const number = toNumber(operand(scope));
        return number instanceof FormulaErrorValue ? number : sign * number;
      };
    }
    case 'binary':
      return binary(node.operator, compileNode(node.left, cellKey), compileNode(node.right, cellKey));
    case 'call':
      return call(
        node.spec,
        node.args.map((arg) => compileNode(arg, cellKey)),
      );
  }
}

function binary(operator: BinaryOperator, left: Closure, right: Closure): Closure {
  switch (operator) {
    case '&':
      return (scope) => {
        const a = left(scope);
        const b = right(scope);
        if (a instanceof FormulaErrorValue) return a;
        return b instanceof FormulaErrorValue ? b : toText(a) + toText(b);
      };
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmetic(operator, left, right);
    default:
      return comparison(operator, left, right);
  }
}

function arithmetic(operator: '+' | '-' | '*' | '/', left: Closure, right: Closure): Closure {
  const apply = {
    '+': (a: number, b: number) => a + b,
    '-': (a: number, b: number) => a - b,
    '*': (a: number, b: number) => a * b,
    '/': (a: number, b: number) => a / b,
  }[operator];
  return (scope) => {
    const a = toNumber(left(scope));
    if (a instanceof FormulaErrorValue) return a;
    const b = toNumber(right(scope));
    return b instanceof FormulaErrorValue ? b : apply(a, b);
  };
}

function comparison(operator: '=' | '!=' | '<' | '>' | '<=' | '>=', left: Closure, right: Closure): Closure {
  const test = {
    '=': (order: number) => order === 0,
    '!=': (order: number) => order !== 0,
    '<': (order: number) => order < 0,
    '>': (order: number) => order > 0,
    '<=': (order: number) => order <= 0,
    '>=': (order: number) => order >= 0,
  }[operator];
  return (scope) => {
    const order = compareValues(left(scope), right(scope));
    return order instanceof FormulaErrorValue ? order : test(order);
  };
}

function call(spec: FunctionSpec, args: Closure[]): Closure {
  if (spec.lazy === true) {
    return (scope) =>
      guarded(() =>
        spec.evaluate(
          args.map((arg) => () => arg(scope)),
          scope.context,
        ),
      );
  }
  return (scope) => {
    const values = args.map((arg) => arg(scope));
    for (const value of values) if (value instanceof FormulaErrorValue) return value;
    return guarded(() => spec.evaluate(values, scope.context));
  };
}

function guarded(run: () => Value): Value {
  try {
    return run();
  } catch (error) {
    if (error instanceof ErrorSignal) return error.error;
    // A runtime limit (stack, string length) in one record becomes that record's #ERROR!, never a crash.
    return new FormulaErrorValue(error instanceof Error ? error.message : 'Evaluation failed');
  }
}
