import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import type { SyncPlan } from './sync.plan';
import { applyPlan, readAndPlan } from './sync.steps';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';

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
      const read = await readAndPlan(deps, caller, args);
      const { plan } = read;
      const changeSetIds = args.dry_run
        ? []
        : await applyPlan({ ...deps, size }, caller, {
            baseId: args.target_base_id,
            tableId: read.targetTableId,
            plan,
          });
      const counts = summary(plan);
      const partial = read.complete
        ? ''
        : ` Only the first ${args.max_records} records of a table were read.`;
      const duplicates = plan.duplicateSourceKeys.length
        ? ` ${plan.duplicateSourceKeys.length} source records repeat a key and were skipped.`
        : '';
      const what = `create ${counts.records_to_create}, update ${counts.records_to_update}, delete ${counts.records_to_delete}, unchanged ${counts.unchanged}`;
      const done = args.dry_run
        ? `Dry run: would ${what}. Call again with dry_run false to apply.`
        : `Synced: ${what}. undo_change with changeSetIds reverts it.`;
      return {
        sync_summary: { source_records: read.counts.source, target_records: read.counts.target, ...counts },
        key_field: read.key.name,
        fields_synced: read.fields.map((field) => field.name),
        dry_run: args.dry_run,
        changes: {
          create: plan.create.slice(0, SHOWN),
          update: plan.update.slice(0, SHOWN).map(({ fields: _fields, ...rest }) => rest),
          delete: plan.delete.slice(0, SHOWN),
        },
        changeSetIds,
        message: done + partial + duplicates,
      };
    },
    text: (output) => `${output.message}\n${JSON.stringify(output.changes)}`,
  });
}
