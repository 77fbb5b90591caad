import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { compactOptions } from './schema.describe';
import { loadTable } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';

const fieldInfo = z.object({
  name: z.string(),
  id: z.string(),
  type: z.string(),
  description: z.string().optional(),
  is_primary: z.boolean(),
  options: z.record(z.string(), z.unknown()).optional(),
  choice_count: z.number().int().optional(),
});

/** get_field_info (original tool 10): every field with its type, options and a count per type. */
export function getFieldInfoTool(deps: DataToolDeps) {
  return defineTool({
    name: 'get_field_info',
    title: 'Field information',
    description:
      'Every field of a table: type, description, whether it is the primary field, options (select choices, formulas, links), and how many fields of each type.',
    input: z.object({ base_id, table_id }).strict(),
    output: z.object({
      table_name: z.string(),
      table_id: z.string(),
      total_fields: z.number().int(),
      field_types: z.record(z.string(), z.number().int()),
      fields: z.array(fieldInfo),
    }),
    kind: 'read',
    action: 'schema.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const { schema, table } = await loadTable({
        data: deps.data,
        caller: callerOf(context),
        baseId: args.base_id,
        table: args.table_id,
      });
      const field_types: Record<string, number> = {};
      const fields = table.fields.map((field) => {
        field_types[field.type] = (field_types[field.type] ?? 0) + 1;
        const options = compactOptions(field, schema);
        const choices = options?.choices;
        return {
          name: field.name,
          id: field.id,
          type: field.type,
          ...(field.description ? { description: field.description } : {}),
          is_primary: field.id === table.primaryFieldId,
          ...(options ? { options } : {}),
          ...(Array.isArray(choices) ? { choice_count: choices.length } : {}),
        };
      });
      return { table_name: table.name, table_id: table.id, total_fields: fields.length, field_types, fields };
    },
  });
}
