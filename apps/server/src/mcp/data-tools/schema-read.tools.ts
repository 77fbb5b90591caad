import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { describeTable, detail_level, tableOut, tablesText } from './schema.describe';
import { loadTable } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';

/** list_bases: the bases the caller may see. */
export function listBasesTool(deps: DataToolDeps) {
  return defineTool({
    name: 'list_bases',
    title: 'List bases',
    description: 'List the bases you can access (id, name, permission level). Start here.',
    input: z.object({ cursor: z.string().optional().describe('nextCursor from the previous call') }).strict(),
    output: z.object({
      bases: z.array(z.object({ id: z.string(), name: z.string(), permissionLevel: z.string() })),
      hasMore: z.boolean(),
      nextCursor: z.string().optional(),
    }),
    kind: 'read',
    action: 'base.list',
    run: async (args, context) => {
      const page = await deps.data.listBases({
        caller: callerOf(context),
        ...(args.cursor ? { offset: args.cursor } : {}),
      });
      return {
        bases: page.bases,
        hasMore: page.offset !== undefined,
        ...(page.offset ? { nextCursor: page.offset } : {}),
      };
    },
    text: (output) =>
      [
        ...output.bases.map((base) => `${base.id}\t${base.name}\t${base.permissionLevel}`),
        ...(output.nextCursor ? [`more: cursor "${output.nextCursor}"`] : []),
      ].join('\n') || 'No bases.',
  });
}

/** list_tables: the tables of a base, at a detail level (default: names and counts). */
export function listTablesTool(deps: DataToolDeps) {
  return defineTool({
    name: 'list_tables',
    title: 'List tables',
    description:
      'List the tables of a base with their field and view counts. detail_level identifiersOnly or full adds fields (full is large for big bases: prefer describe_table for one table).',
    input: z.object({ base_id, detail_level: detail_level.default('tableIdentifiersOnly') }).strict(),
    output: z.object({ base_id: z.string(), table_count: z.number().int(), tables: z.array(tableOut) }),
    kind: 'read',
    action: 'schema.read',
    resource: (args) => ({ baseId: args.base_id }),
    run: async (args, context) => {
      const schema = await deps.data.getBaseSchema({ caller: callerOf(context), baseId: args.base_id });
      const tables = schema.tables.map((table) => describeTable(table, schema, args.detail_level));
      return { base_id: args.base_id, table_count: tables.length, tables };
    },
    text: (output) => tablesText(output.tables),
  });
}

/** describe_table: one table's fields (types, options) and views. */
export function describeTableTool(deps: DataToolDeps) {
  return defineTool({
    name: 'describe_table',
    title: 'Describe a table',
    description:
      'One table in detail: fields with types and options (select choices, linked tables, formulas) and views. Use the exact field names it shows in filters and writes.',
    input: z.object({ base_id, table_id, detail_level: detail_level.default('full') }).strict(),
    output: z.object({ table: tableOut }),
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
      return { table: describeTable(table, schema, args.detail_level) };
    },
    text: (output) => tablesText([output.table]),
  });
}

/** list_views: the views of a table. */
export function listViewsTool(deps: DataToolDeps) {
  return defineTool({
    name: 'list_views',
    title: 'List views',
    description:
      'List the views of a table (id, name, type); pass one as `view` to get_records to use its filters and order.',
    input: z.object({ base_id, table_id }).strict(),
    output: z.object({ views: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })) }),
    kind: 'read',
    action: 'schema.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const { table } = await loadTable({
        data: deps.data,
        caller: callerOf(context),
        baseId: args.base_id,
        table: args.table_id,
      });
      return { views: table.views.map((view) => ({ id: view.id, name: view.name, type: view.type })) };
    },
    text: (output) =>
      output.views.map((view) => `${view.id}\t${view.name}\t${view.type}`).join('\n') || 'No views.',
  });
}
