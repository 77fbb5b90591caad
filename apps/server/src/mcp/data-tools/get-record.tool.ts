import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { compactRecords } from './records.compact';
import { compactRecordSchema, recordsTable } from './records.output';
import { loadTableIfAllowed } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, fieldNames, record_id, table_id } from './tool.params';

/** get_record: one record by id, compact, optionally projected. */
export function getRecordTool(deps: DataToolDeps) {
  return defineTool({
    name: 'get_record',
    title: 'Get a record',
    description: 'Read one record by id. Empty cells are left out; linked records show their primary values.',
    input: z.object({ base_id, table_id, record_id, fields: fieldNames.optional() }).strict(),
    output: z.object({ record: compactRecordSchema, createdTime: z.string() }),
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
      const record = await deps.data.getRecord({
        caller,
        baseId: args.base_id,
        tableIdOrName: found?.table.id ?? args.table_id,
        recordId: args.record_id,
      });
      const wanted =
        args.fields &&
        new Set(args.fields.map((key) => found?.table.fields.find((field) => field.id === key)?.name ?? key));
      const fields = wanted
        ? Object.fromEntries(Object.entries(record.fields).filter(([name]) => wanted.has(name)))
        : record.fields;
      const [compact] = await compactRecords({
        data: deps.data,
        caller,
        baseId: args.base_id,
        schema: found?.schema ?? null,
        table: found?.table ?? null,
        records: [{ ...record, fields }],
      });
      return { record: compact!, createdTime: record.createdTime };
    },
    text: (output) => recordsTable([output.record]),
  });
}
