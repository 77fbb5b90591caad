import { fieldTypeSchema } from '@tableport/contracts';
import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { compactOptions, describeTable, tableOut, tablesText } from './schema.describe';
import { findField, loadTable } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, dry_run, table_id } from './tool.params';

const fieldConfig = z
  .object({
    name: z.string().trim().min(1).max(255),
    type: fieldTypeSchema,
    description: z.string().max(20_000).optional(),
    options: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Airtable field options, e.g. {"choices": [{"name": "Done"}]} or {"precision": 0}'),
  })
  .strict();
const renamed = {
  name: z.string().trim().min(1).max(255).optional().describe('New name'),
  description: z.string().max(20_000).optional().describe('New description'),
  dry_run,
};
const changesOf = (args: { name?: string; description?: string }) => ({
  ...(args.name !== undefined ? { name: args.name } : {}),
  ...(args.description !== undefined ? { description: args.description } : {}),
});
const nothing = (args: { name?: string; description?: string }) =>
  args.name === undefined && args.description === undefined;
const schemaChange = z.object({
  dryRun: z.boolean(),
  id: z.string(),
  before: z.object({ name: z.string(), description: z.string().optional() }),
  after: z.object({ name: z.string(), description: z.string().optional() }),
});
const changeText = (output: z.output<typeof schemaChange>) =>
  `${output.dryRun ? 'Dry run, would change' : 'Changed'} ${output.id}: ${JSON.stringify(output.before)} → ${JSON.stringify(output.after)}`;

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

/** create_field: one field in a table. */
export function createFieldTool(deps: DataToolDeps) {
  return defineTool({
    name: 'create_field',
    title: 'Create a field',
    description:
      'Add a field to a table: name, type and the options its type needs (choices for selects, linkedTableId for links, precision for numbers).',
    input: z.object({ base_id, table_id, ...fieldConfig.shape }).strict(),
    output: z.object({
      field: z.object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    }),
    kind: 'write',
    action: 'schema.write',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const { base_id: baseId, table_id: tableIdOrName, ...field } = args;
      const created = await deps.data.createField({ caller, baseId, tableIdOrName, field });
      const schema = await deps.data.getBaseSchema({ caller, baseId });
      const options = compactOptions(created, schema);
      return {
        field: { id: created.id, name: created.name, type: created.type, ...(options ? { options } : {}) },
      };
    },
  });
}

/** update_field: rename or describe a field, with a dry run. */
export function updateFieldTool(deps: DataToolDeps) {
  return defineTool({
    name: 'update_field',
    title: 'Update a field',
    description:
      'Rename a field or change its description (field_id takes an id or name). dry_run: true shows the change without making it.',
    input: z
      .object({
        base_id,
        table_id,
        field_id: z.string().min(1).describe('The field id (fld…) or name'),
        ...renamed,
      })
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
      const field = findField(table, args.field_id);
      const before = { name: field.name, ...(field.description ? { description: field.description } : {}) };
      const after = { ...before, ...changesOf(args) };
      if (args.dry_run) return { dryRun: true, id: field.id, before, after };
      const updated = await deps.data.updateField({
        caller,
        baseId: args.base_id,
        tableIdOrName: table.id,
        fieldId: field.id,
        changes: changesOf(args),
      });
      return {
        dryRun: false,
        id: field.id,
        before,
        after: { name: updated.name, ...(updated.description ? { description: updated.description } : {}) },
      };
    },
    text: changeText,
  });
}
