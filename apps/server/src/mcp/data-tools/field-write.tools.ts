import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { compactOptions } from './schema.describe';
import { findField, loadTable } from './schema.lookup';
import { changeText, changesOf, fieldConfig, nothing, renamed, schemaChange } from './schema-write.params';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';

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
