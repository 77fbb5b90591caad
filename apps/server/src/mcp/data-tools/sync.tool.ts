import { z } from 'zod';
import type { RecordData } from '../../data';
import { defineTool } from '../tools/tool.types';
import { scanRecords } from './records.scan';
import { findField, loadTable } from './schema.lookup';
import { planSync, syncedFields, type SyncPlan } from './sync.plan';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';
import { writeInChunks } from './write.chunks';

const SHOWN = 20;
const input = z
  .object({
    source_base_id: base_id,
    source_table_id: table_id,
    target_base_id: base_id,
    target_table_id: table_id,
    key_field: z.string().min(1).describe('The field (same name in both tables) that identifies a record'),
    fields: z
      .array(z.string().min(1))
      .min(1)
      .max(200)
      .optional()
      .describe('Fields to copy; default: every field both tables have (links excepted)'),
    delete_missing: z
      .boolean()
      .default(false)
      .describe('Also delete target records whose key is not in the source'),
    dry_run: z.boolean().default(true).describe('true (default): only show the plan; false: apply it'),
    max_records: z
      .number()
      .int()
      .min(1)
      .max(50_000)
      .default(10_000)
      .describe('Most records read from each table'),
  })
  .strict();

const summary = (plan: SyncPlan) => ({
  records_to_create: plan.create.length,
  records_to_update: plan.update.length,
  records_to_delete: plan.delete.length,
  unchanged: plan.unchanged,
});

/** sync_tables (original tool 14): makes a target table match a source table on a key field, for real. */
export function syncTablesTool(deps: DataToolDeps) {
  const size = deps.writeChunkSize ?? WRITE_CHUNK_SIZE;
  return defineTool({
    name: 'sync_tables',
    title: 'Sync tables',
    description:
      'Copy records from a source table to a target table (same or another base), matched on key_field: missing records are created, differing ones updated, and with delete_missing extra target records deleted. dry_run is true by default: review the plan, then call again with dry_run false.',
    input,
    output: z.object({
      sync_summary: z.object({
        source_records: z.number().int(),
        target_records: z.number().int(),
        records_to_create: z.number().int(),
        records_to_update: z.number().int(),
        records_to_delete: z.number().int(),
        unchanged: z.number().int(),
      }),
      key_field: z.string(),
      fields_synced: z.array(z.string()),
      dry_run: z.boolean(),
      changes: z
        .object({ create: z.array(z.unknown()), update: z.array(z.unknown()), delete: z.array(z.unknown()) })
        .describe(`The first ${SHOWN} of each`),
      changeSetIds: z.array(z.string()),
      message: z.string(),
    }),
    kind: 'write',
    destructive: true,
    idempotent: true,
    action: 'records.write',
    resource: (args) => ({ baseId: args.target_base_id, tableId: args.target_table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const source = await loadTable({
        data: deps.data,
        caller,
        baseId: args.source_base_id,
        table: args.source_table_id,
      });
      const target = await loadTable({
        data: deps.data,
        caller,
        baseId: args.target_base_id,
        table: args.target_table_id,
      });
      const sourceKey = findField(source.table, args.key_field);
      const targetKey = findField(target.table, sourceKey.name);
      const only = args.fields ? [...new Set([sourceKey.name, ...args.fields])] : undefined;
      const fields = syncedFields({
        source: source.table,
        target: target.table,
        key: sourceKey.name,
        ...(only ? { only } : {}),
      });
      const sourceNames = fields.map((field) => findField(source.table, field.name).name);
      const read = await scanRecords({
        data: deps.data,
        caller,
        list: {
          baseId: args.source_base_id,
          tableIdOrName: source.table.id,
          fields: [...new Set([sourceKey.name, ...sourceNames])],
        },
        max: args.max_records,
      });
      // Source cells re-keyed by the target's field names.
      const sourceRecords: RecordData[] = read.records.map((record) => ({
        ...record,
        fields: Object.fromEntries(
          fields.map((field, index) => [field.name, record.fields[sourceNames[index]!]]),
        ),
      }));
      const existing = await scanRecords({
        data: deps.data,
        caller,
        list: {
          baseId: args.target_base_id,
          tableIdOrName: target.table.id,
          fields: [...new Set([targetKey.name, ...fields.map((field) => field.name)])],
        },
        max: args.max_records,
      });
      const plan = planSync({
        source: sourceRecords,
        target: existing.records,
        key: targetKey.name,
        targetKey: targetKey.name,
        fields,
        deleteMissing: args.delete_missing,
      });
      const changeSetIds: string[] = [];
      if (!args.dry_run) {
        const on = { caller, baseId: args.target_base_id, tableIdOrName: target.table.id, typecast: true };
        const results = [
          ...(await writeInChunks({
            items: plan.create.map((item) => ({ fields: item.fields })),
            size,
            write: (records) => deps.data.createRecords({ ...on, records }),
          })),
          ...(await writeInChunks({
            items: plan.update.map((item) => ({ id: item.id, fields: item.fields })),
            size,
            write: (records) => deps.data.updateRecords({ ...on, records, mode: 'merge' }),
          })),
          ...(await writeInChunks({
            items: plan.delete.map((item) => item.id),
            size,
            write: (recordIds) =>
              deps.data.deleteRecords({
                caller,
                baseId: args.target_base_id,
                tableIdOrName: target.table.id,
                recordIds,
              }),
          })),
        ];
        changeSetIds.push(...results.flatMap((result) => result.changeSetId ?? []));
      }
      const counts = summary(plan);
      const partial =
        read.complete && existing.complete
          ? ''
          : ` Only the first ${args.max_records} records of a table were read.`;
      const duplicates = plan.duplicateSourceKeys.length
        ? ` ${plan.duplicateSourceKeys.length} source records repeat a key and were skipped.`
        : '';
      const what = `create ${counts.records_to_create}, update ${counts.records_to_update}, delete ${counts.records_to_delete}, unchanged ${counts.unchanged}`;
      return {
        sync_summary: {
          source_records: read.records.length,
          target_records: existing.records.length,
          ...counts,
        },
        key_field: sourceKey.name,
        fields_synced: fields.map((field) => field.name),
        dry_run: args.dry_run,
        changes: {
          create: plan.create.slice(0, SHOWN),
          update: plan.update.slice(0, SHOWN).map(({ fields: _f, ...rest }) => rest),
          delete: plan.delete.slice(0, SHOWN),
        },
        changeSetIds,
        message:
          (args.dry_run
            ? `Dry run: would ${what}. Call again with dry_run false to apply.`
            : `Synced: ${what}. undo_change with changeSetIds reverts it.`) +
          partial +
          duplicates,
      };
    },
    text: (output) => `${output.message}\n${JSON.stringify(output.changes)}`,
  });
}
