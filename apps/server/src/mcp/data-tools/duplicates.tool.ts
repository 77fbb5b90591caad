import { z } from 'zod';
import { decodeCursor, encodeCursor, type CursorScope } from '../tools/tool.cursor';
import { truncationSchema } from '../tools/tool.budget';
import { defineTool } from '../tools/tool.types';
import { displayText } from './records.compact';
import { scanRecords } from './records.scan';
import { findField, loadTable } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';

const input = z
  .object({
    base_id,
    table_id,
    fields: z
      .array(z.string().min(1))
      .min(1)
      .max(10)
      .describe('Fields whose values together identify a duplicate'),
    ignore_empty: z.boolean().default(true).describe('Skip records where all these fields are empty'),
    max_records: z.number().int().min(1).max(20_000).default(5000).describe('Records to check'),
    cursor: z.string().optional(),
  })
  .strict();
type Args = z.output<typeof input>;
const scopeOf = (args: Args): CursorScope => ({
  tool: 'find_duplicates',
  query: { ...args, cursor: undefined },
});
const groupSchema = z.object({
  duplicate_values: z.record(z.string(), z.string()),
  record_count: z.number().int(),
  record_ids: z.array(z.string()),
});
const position = z.object({ group: z.number().int().min(0) });

/** find_duplicates (original tool 12): groups of records with the same values (trimmed, case-insensitive). */
export function findDuplicatesTool(deps: DataToolDeps) {
  return defineTool({
    name: 'find_duplicates',
    title: 'Find duplicates',
    description:
      'Find groups of records that have the same values in `fields` (text compared trimmed and case-insensitively). Returns each group with its record ids, largest groups first.',
    input,
    output: z.object({
      table_id: z.string(),
      duplicate_check_fields: z.array(z.string()),
      total_records_checked: z.number().int(),
      duplicate_groups_found: z.number().int(),
      total_duplicate_records: z.number().int(),
      duplicates: z.array(groupSchema),
      hasMore: z.boolean(),
      nextCursor: z.string().optional(),
      truncated: truncationSchema.optional(),
    }),
    kind: 'read',
    action: 'records.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const { table } = await loadTable({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const names = args.fields.map((key) => findField(table, key).name);
      const { records } = await scanRecords({
        data: deps.data,
        caller,
        list: { baseId: args.base_id, tableIdOrName: table.id, fields: names },
        max: args.max_records,
      });
      const groups = new Map<string, { values: Record<string, string>; ids: string[] }>();
      for (const record of records) {
        const values = Object.fromEntries(
          names.map((name) => [name, displayText(record.fields[name]).trim()]),
        );
        if (args.ignore_empty && Object.values(values).every((value) => value === '')) continue;
        const key = JSON.stringify(Object.values(values).map((value) => value.toLowerCase()));
        const group = groups.get(key) ?? { values, ids: [] };
        group.ids.push(record.id);
        groups.set(key, group);
      }
      const all = [...groups.values()]
        .filter((group) => group.ids.length > 1)
        .sort((a, b) => b.ids.length - a.ids.length);
      const start = args.cursor ? decodeCursor(scopeOf(args), args.cursor, position).group : 0;
      return {
        table_id: table.id,
        duplicate_check_fields: names,
        total_records_checked: records.length,
        duplicate_groups_found: all.length,
        total_duplicate_records: all.reduce((sum, group) => sum + group.ids.length, 0),
        duplicates: all.slice(start).map((group) => ({
          duplicate_values: group.values,
          record_count: group.ids.length,
          record_ids: group.ids,
        })),
        hasMore: false,
      };
    },
    paging: {
      items: (output) => output.duplicates,
      cut: ({ args, output, keep }) => {
        const start = args.cursor ? decodeCursor(scopeOf(args), args.cursor, position).group : 0;
        return {
          ...output,
          duplicates: output.duplicates.slice(0, keep),
          hasMore: true,
          nextCursor: encodeCursor(scopeOf(args), { group: start + keep }),
        };
      },
    },
  });
}
