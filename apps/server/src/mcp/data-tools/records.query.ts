import type { FormulaText } from '@tableport/formula';
import { and } from '@tableport/formula';
import { z } from 'zod';
import type { ListRecordsOptions } from '../../data';
import { compileFilter } from '../filters/filter.compile';
import { filterSchema, type FilterNode } from '../filters/filter.schema';
import { fieldNames } from './tool.params';

/** The query parameters of record list tools: projection, structured filter or formula, sort, view. */
export const listQueryShape = {
  fields: fieldNames.optional(),
  filter: filterSchema
    .optional()
    .describe(
      'Structured filter, e.g. {"and": [{"field": "Status", "op": "=", "value": "Done"}, {"field": "Due", "op": "<", "value": "2026-01-01"}]}. ops: = != < > <= >= contains not_contains is_empty is_not_empty in',
    ),
  filter_by_formula: z
    .string()
    .max(16_000)
    .optional()
    .describe("An Airtable formula; records where it is truthy are kept, e.g. {Status}='Done'"),
  sort: z
    .array(z.object({ field: z.string().min(1), direction: z.enum(['asc', 'desc']).default('asc') }).strict())
    .max(10)
    .optional()
    .describe('Sort keys in order, e.g. [{"field": "Due", "direction": "asc"}]'),
  view: z.string().min(1).optional().describe('A view name or id: its filters and order apply'),
};

/** What {@link listOptions} reads. */
export interface ListQueryArgs {
  base_id: string;
  table_id: string;
  fields?: string[];
  filter?: FilterNode;
  filter_by_formula?: string;
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  view?: string;
}

/** The structured filter and the formula, combined with AND when both are given. */
export function combinedFormula(
  args: Pick<ListQueryArgs, 'filter' | 'filter_by_formula'>,
): string | undefined {
  const parts: FormulaText[] = [];
  if (args.filter) parts.push(compileFilter(args.filter));
  if (args.filter_by_formula?.trim()) parts.push(args.filter_by_formula as FormulaText);
  return parts.length === 0 ? undefined : and(...parts);
}

/** The data service's list options for a tool's query arguments. */
export function listOptions(
  args: ListQueryArgs,
): Omit<ListRecordsOptions, 'offset' | 'pageSize' | 'maxRecords'> {
  const filterByFormula = combinedFormula(args);
  return {
    baseId: args.base_id,
    tableIdOrName: args.table_id,
    ...(args.fields ? { fields: args.fields } : {}),
    ...(filterByFormula ? { filterByFormula } : {}),
    ...(args.sort ? { sort: args.sort } : {}),
    ...(args.view ? { view: args.view } : {}),
  };
}
