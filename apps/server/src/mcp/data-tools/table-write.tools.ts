import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { describeTable, tableOut, tablesText } from './schema.describe';
import { loadTable } from './schema.lookup';
import { changeText, changesOf, fieldConfig, nothing, renamed, schemaChange } from './schema-write.params';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';

/** create_table: a table with its fields (the first is the primary field). */
export function createTableTool(deps: DataToolDeps) {
  return defineTool({
    name: 'create_table',
    title: 'Create a table',
    description: 'Create a table in a base. The first field becomes the primary field (use a text type).',
    input: z
      .object({
        base_id,
        name: z.string().trim().min(1).max(255),
        description: z.string().max(20_000).optional(),
        fields: z.array(fieldConfig).min(1).max(500),
      })
      .strict(),
    output: z.object({ table: tableOut }),
    kind: 'write',
    action: 'schema.write',
    resource: (args) => ({ baseId: args.base_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const table = await deps.data.createTable({
        caller,
        baseId: args.base_id,
        table: {
          name: args.name,
          ...(args.description ? { description: args.description } : {}),
          fields: args.fields,
        },
      });
      const schema = await deps.data.getBaseSchema({ caller, baseId: args.base_id });
      return { table: describeTable(table, schema, 'full') };
    },
    text: (output) => tablesText([output.table]),
  });
}

/** update_table: rename or describe a table, with a dry run. */
export function updateTableTool(deps: DataToolDeps) {
  return defineTool({
    name: 'update_table',
    title: 'Update a table',
    description:
      'Rename a table or change its description. dry_run: true shows the change without making it.',
    input: z
      .object({ base_id, table_id, ...renamed })
      .strict()
      .refine((args) => !nothing(args), 'give a name or a description'),
    output: schemaChange,
    kind: 'write',
    destructive: true,
    idempotent: true,
    action: 'schema.write',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const { table } = await loadTable({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const before = { name: table.name, ...(table.description ? { description: table.description } : {}) };
      const after = { ...before, ...changesOf(args) };
      if (args.dry_run) return { dryRun: true, id: table.id, before, after };
      const updated = await deps.data.updateTable({
        caller,
        baseId: args.base_id,
        tableIdOrName: table.id,
        changes: changesOf(args),
      });
      return {
        dryRun: false,
        id: table.id,
        before,
        after: { name: updated.name, ...(updated.description ? { description: updated.description } : {}) },
      };
    },
    text: changeText,
  });
}
