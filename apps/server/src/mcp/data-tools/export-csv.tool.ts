import { z } from 'zod';
import type { CursorScope } from '../tools/tool.cursor';
import { truncationSchema } from '../tools/tool.budget';
import { defineTool } from '../tools/tool.types';
import { compactRecords, displayText } from './records.compact';
import { cursorAfter, readRecordsPage } from './records.page';
import { loadTable } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, fieldNames, table_id } from './tool.params';

const input = z
  .object({
    base_id,
    table_id,
    fields: fieldNames.optional().describe('Columns, in order; default: every field'),
    view: z.string().min(1).optional(),
    max_records: z.number().int().min(1).max(1000).default(1000).describe('Rows in this call (1-1000)'),
    cursor: z.string().optional(),
  })
  .strict();
type Args = z.output<typeof input>;
const scopeOf = (args: Args): CursorScope => ({
  tool: 'export_table_csv',
  query: { ...args, cursor: undefined },
});

/** RFC 4180 quoting. */
const csvCell = (value: unknown) => {
  const text = displayText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const positionsOf = new WeakMap<object, Awaited<ReturnType<typeof readRecordsPage>>>();

/** export_table_csv (original tool 13): CSV with `Record ID`, the fields, `Created Time`. */
export function exportCsvTool(deps: DataToolDeps) {
  return defineTool({
    name: 'export_table_csv',
    title: 'Export as CSV',
    description:
      'Export records as CSV (header "Record ID, <fields>, Created Time"; lists joined with ", ", links by primary value). Up to 1000 rows per call; nextCursor continues.',
    input,
    output: z.object({
      table_id: z.string(),
      fields_exported: z.array(z.string()),
      record_count: z.number().int(),
      header: z.string(),
      rows: z.array(z.string()),
      hasMore: z.boolean(),
      nextCursor: z.string().optional(),
      truncated: truncationSchema.optional(),
    }),
    kind: 'read',
    action: 'records.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const { schema, table } = await loadTable({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const names = args.fields ?? table.fields.map((field) => field.name);
      const page = await readRecordsPage({
        data: deps.data,
        caller,
        list: {
          baseId: args.base_id,
          tableIdOrName: table.id,
          fields: names,
          ...(args.view ? { view: args.view } : {}),
        },
        pageSize: args.max_records,
        ...(args.cursor ? { cursor: args.cursor } : {}),
        scope: scopeOf(args),
      });
      // Links by their primary values, as the compact records show them.
      const compact = await compactRecords({
        data: deps.data,
        caller,
        baseId: args.base_id,
        schema,
        table,
        records: page.records,
      });
      const rows = compact.map((record, index) =>
        [
          record.id,
          ...names.map((name) => csvCell(record.fields[name])),
          page.records[index]!.createdTime,
        ].join(','),
      );
      const output = {
        table_id: table.id,
        fields_exported: names,
        record_count: rows.length,
        header: ['Record ID', ...names.map(csvCell), 'Created Time'].join(','),
        rows,
        hasMore: page.hasMore,
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
      positionsOf.set(output, page);
      return output;
    },
    text: (output) =>
      [output.header, ...output.rows].join('\n') +
      (output.nextCursor ? `\n# more rows: call again with cursor "${output.nextCursor}"` : ''),
    paging: {
      items: (output) => output.rows,
      cut: ({ args, output, keep }) => ({
        ...output,
        rows: output.rows.slice(0, keep),
        record_count: keep,
        hasMore: true,
        nextCursor: cursorAfter({ scope: scopeOf(args), page: positionsOf.get(output)!, keep }),
      }),
    },
  });
}
