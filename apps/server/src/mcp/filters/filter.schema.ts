import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Comparison operators of a structured filter condition. */
export const FILTER_OPERATORS = [
  '=',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  'contains',
  'not_contains',
  'is_empty',
  'is_not_empty',
  'in',
] as const;

const condition = z
  .object({
    field: z.string().min(1).describe('Field name (or fld… id), exactly as describe_table shows it'),
    op: z.enum(FILTER_OPERATORS),
    value: z
      .union([scalar, z.array(scalar).min(1)])
      .optional()
      .describe('Omit for is_empty / is_not_empty; a list for in'),
  })
  .strict()
  .superRefine((node, context) => {
    const needsValue = node.op !== 'is_empty' && node.op !== 'is_not_empty';
    if (needsValue && node.value === undefined)
      context.addIssue({ code: 'custom', message: `op "${node.op}" needs a value` });
    if ((node.op === 'in') !== Array.isArray(node.value) && needsValue) {
      context.addIssue({
        code: 'custom',
        message:
          node.op === 'in' ? 'op "in" needs a list value' : `op "${node.op}" takes one value, not a list`,
      });
    }
  });

/** One condition: `{field, op, value}`. */
export type FilterCondition = z.output<typeof condition>;

/** A structured filter: a condition, or `and` / `or` of filters, or `not` of one. */
export type FilterNode = FilterCondition | { and: FilterNode[] } | { or: FilterNode[] } | { not: FilterNode };

/**
 * The JSON tree models write instead of formula text (compiled to a formula by {@link compileFilter}):
 * `{"and": [{"field": "Status", "op": "=", "value": "Done"}, {"field": "Due", "op": "<", "value": "2026-01-01"}]}`.
 */
export const filterSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    condition,
    z.object({ and: z.array(filterSchema).min(1) }).strict(),
    z.object({ or: z.array(filterSchema).min(1) }).strict(),
    z.object({ not: filterSchema }).strict(),
  ]),
);
