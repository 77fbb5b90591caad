import { AppError } from '@tableport/contracts';
import {
  and,
  compare,
  contains,
  isBlank,
  isNotBlank,
  not,
  or,
  type FormulaText,
  type FormulaValue,
} from '@tableport/formula';
import type { FilterCondition, FilterNode } from './filter.schema';

/** Deepest nesting and most conditions a filter may have (a formula stays readable and cheap). */
export const FILTER_LIMITS = { depth: 8, conditions: 100 } as const;

const tooBig = (message: string) =>
  new AppError({ code: 'mcp.invalid_arguments', message: `Invalid arguments: filter: ${message}` });

function conditionFormula(node: FilterCondition): FormulaText {
  const value = node.value as FormulaValue | FormulaValue[];
  switch (node.op) {
    case 'is_empty':
      return isBlank(node.field);
    case 'is_not_empty':
      return isNotBlank(node.field);
    case 'contains':
      return contains(node.field, String(value));
    case 'not_contains':
      return not(contains(node.field, String(value)));
    case 'in':
      return or(...(value as FormulaValue[]).map((item) => compare(node.field, '=', item)));
    default:
      return compare(node.field, node.op, value as FormulaValue);
  }
}

/**
 * Compiles a structured filter to formula text with packages/formula's builder, which quotes and
 * escapes every name and value, so a filter can never change the formula's shape.
 */
export function compileFilter(filter: FilterNode): FormulaText {
  let conditions = 0;
  const visit = (node: FilterNode, depth: number): FormulaText => {
    if (depth > FILTER_LIMITS.depth) throw tooBig(`nested deeper than ${FILTER_LIMITS.depth} levels`);
    if ('and' in node) return and(...node.and.map((child) => visit(child, depth + 1)));
    if ('or' in node) return or(...node.or.map((child) => visit(child, depth + 1)));
    if ('not' in node) return not(visit(node.not, depth + 1));
    if (++conditions > FILTER_LIMITS.conditions)
      throw tooBig(`more than ${FILTER_LIMITS.conditions} conditions`);
    return conditionFormula(node);
  };
  return visit(filter, 1);
}
