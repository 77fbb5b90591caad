import { z } from 'zod';
import type { CursorScope } from '../tools/tool.cursor';
import { defineTool } from '../tools/tool.types';
import { compactRecords } from './records.compact';
import { recordListShape, recordListText, recordPaging, withPositions } from './records.output';
import { readRecordsPage } from './records.page';
import { listOptions, listQueryShape } from './records.query';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';
import { loadTableIfAllowed } from './schema.lookup';

/** Rows per call unless `page_size` says otherwise (Airtable's page). */
export const DEFAULT_PAGE_SIZE = 100;

const input = z
  .object({
    base_id,
    table_id,
    ...listQueryShape,
    max_records: z.number().int().min(1).max(100_000).optional().describe('Cap on records across all pages'),
    page_size: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(DEFAULT_PAGE_SIZE)
      .describe('Records in this call (1-100)'),
    cursor: z.string().optional().describe('nextCursor from the previous call with the same arguments'),
  })
  .strict();
type Args = z.output<typeof input>;

const scopeOf = (args: Args): CursorScope => ({ tool: 'get_records', query: { ...args, cursor: undefined } });

/** get_records: one page of records with projection, filters, sort, view and a cursor. */
export function getRecordsTool(deps: DataToolDeps) {
  return defineTool({
    name: 'get_records',
    title: 'Get records',
    description:
      'List records of a table, one page at a time (page_size, default 100; nextCursor for more; total when known). Empty cells are left out and linked records show their primary values. Pass `fields` to get only what you need, `filter` (structured) or `filter_by_formula`, `sort` and `view`.',
    input,
    output: z.object(recordListShape),
    kind: 'read',
    action: 'records.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const found = await loadTableIfAllowed({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const page = await readRecordsPage({
        data: deps.data,
        caller,
        list: { ...listOptions(args), ...(found ? { tableIdOrName: found.table.id } : {}) },
        pageSize: args.page_size,
        ...(args.max_records ? { maxRecords: args.max_records } : {}),
        ...(args.cursor ? { cursor: args.cursor } : {}),
        scope: scopeOf(args),
      });
      const records = await compactRecords({
        data: deps.data,
        caller,
        baseId: args.base_id,
        schema: found?.schema ?? null,
        table: found?.table ?? null,
        records: page.records,
      });
      const { positions: _positions, records: _raw, ...rest } = page;
      return withPositions({ records, count: records.length, ...rest }, page);
    },
    text: recordListText,
    paging: recordPaging(scopeOf),
  });
}
