import { z } from 'zod';
import type { BaseSchema, FieldConfig, TableSchema } from '../../data';
import { defineTool } from '../tools/tool.types';
import { primaryFieldOf } from './schema.lookup';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, callerOf } from './tool.params';
import { writeInChunks } from './write.chunks';

const PURPOSES: [string, RegExp][] = [
  ['Project/Task Management', /task|project|todo|sprint|milestone|issue/i],
  ['Contact/People Management', /contact|people|person|customer|client|member|employee|user/i],
  ['Product/Inventory Tracking', /product|inventory|stock|item|sku|catalog/i],
  ['Event/Schedule Management', /event|schedule|calendar|meeting|booking/i],
  ['Contact Information', /email|phone|address/i],
  ['Financial/Budget Tracking', /budget|invoice|payment|expense|cost|price|finance/i],
];
const GENERAL = 'General Data Storage';

/** The 9 fields of the original tool's metadata table. */
export const METADATA_FIELDS: FieldConfig[] = [
  { name: 'Table Name', type: 'singleLineText' },
  { name: 'Table ID', type: 'singleLineText' },
  { name: 'Description', type: 'multilineText' },
  { name: 'Field Types', type: 'multilineText' },
  { name: 'Primary Fields', type: 'multilineText' },
  { name: 'Field Count', type: 'number', options: { precision: 0 } },
  { name: 'View Count', type: 'number', options: { precision: 0 } },
  {
    name: 'Purpose',
    type: 'singleSelect',
    options: { choices: [...PURPOSES.map(([name]) => ({ name })), { name: GENERAL }] },
  },
  {
    name: 'Analysis Date',
    type: 'dateTime',
    options: { dateFormat: { name: 'iso' }, timeFormat: { name: '24hour' }, timeZone: 'utc' },
  },
];

/** The purpose guessed from the table's and its fields' names (the original tool's keywords). */
export function purposeOf(table: TableSchema): string {
  const words = [table.name, ...table.fields.map((field) => field.name)].join(' ');
  return (
    PURPOSES.find(([, pattern]) => pattern.test(table.name))?.[0] ??
    PURPOSES.find(([, pattern]) => pattern.test(words))?.[0] ??
    GENERAL
  );
}

function rowOf(table: TableSchema, now: string) {
  const types = new Map<string, number>();
  for (const field of table.fields) types.set(field.type, (types.get(field.type) ?? 0) + 1);
  return {
    fields: {
      'Table Name': table.name,
      'Table ID': table.id,
      Description: table.description ?? '',
      'Field Types': [...types].map(([type, count]) => `${type}: ${count}`).join('\n'),
      'Primary Fields': [
        primaryFieldOf(table).name,
        ...table.fields
          .filter((field) => field.id !== table.primaryFieldId)
          .slice(0, 2)
          .map((field) => field.name),
      ].join('\n'),
      'Field Count': table.fields.length,
      'View Count': table.views.length,
      Purpose: purposeOf(table),
      'Analysis Date': now,
    },
  };
}

const findMetadataTable = (schema: BaseSchema, name: string) =>
  schema.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());

/** create_metadata_table (original tool 7): a table describing every table of the base, refreshed on each call. */
export function createMetadataTableTool(deps: DataToolDeps) {
  return defineTool({
    name: 'create_metadata_table',
    title: 'Create a metadata table',
    description:
      'Create (or refresh) a table in the base with one row per table: name, id, description, field types, primary fields, counts, a guessed purpose and the analysis date. Rows are matched on Table ID, so calling again updates them.',
    input: z
      .object({ base_id, table_name: z.string().trim().min(1).max(255).default('Table Metadata') })
      .strict(),
    output: z.object({
      table_id: z.string(),
      table_name: z.string(),
      table_created: z.boolean(),
      records_created: z.number().int(),
      records_updated: z.number().int(),
      metadata_summary: z.object({
        total_tables_analyzed: z.number().int(),
        total_fields: z.number().int(),
        table_types: z.record(z.string(), z.number().int()),
      }),
      changeSetIds: z.array(z.string()),
      message: z.string(),
    }),
    kind: 'write',
    action: 'schema.write',
    resource: (args) => ({ baseId: args.base_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const schema = await deps.data.getBaseSchema({ caller, baseId: args.base_id });
      const existing = findMetadataTable(schema, args.table_name);
      const analysed = schema.tables.filter((table) => table.id !== existing?.id);
      const table =
        existing ??
        (await deps.data.createTable({
          caller,
          baseId: args.base_id,
          table: { name: args.table_name, fields: METADATA_FIELDS },
        }));
      const now = new Date().toISOString();
      const results = await writeInChunks({
        items: analysed.map((item) => rowOf(item, now)),
        size: deps.writeChunkSize ?? WRITE_CHUNK_SIZE,
        write: (records) =>
          deps.data.upsertRecords({
            caller,
            baseId: args.base_id,
            tableIdOrName: table.id,
            records,
            fieldsToMergeOn: ['Table ID'],
            mode: 'merge',
            typecast: true,
          }),
      });
      const table_types: Record<string, number> = {};
      for (const item of analysed) table_types[purposeOf(item)] = (table_types[purposeOf(item)] ?? 0) + 1;
      const created = results.reduce((sum, result) => sum + result.createdRecords.length, 0);
      const updated = results.reduce((sum, result) => sum + result.updatedRecords.length, 0);
      return {
        table_id: table.id,
        table_name: table.name,
        table_created: !existing,
        records_created: created,
        records_updated: updated,
        metadata_summary: {
          total_tables_analyzed: analysed.length,
          total_fields: analysed.reduce((sum, item) => sum + item.fields.length, 0),
          table_types,
        },
        changeSetIds: results.flatMap((result) => result.changeSetId ?? []),
        message: `${existing ? 'Refreshed' : 'Created'} ${table.name} with ${analysed.length} tables (${created} rows created, ${updated} updated).`,
      };
    },
  });
}
