import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { target } from './batch.params';
import type { DataToolDeps } from './tool.deps';
import { base_id, cells, dry_run, record_id, table_id, typecast } from './tool.params';
import { deleteDiff, updateDiff } from './write.diff';
import { writeOutputSchema, writeText } from './write.output';
import { writeScope } from './write.result';

/** create_record: one record. */
export function createRecordTool(deps: DataToolDeps) {
  return defineTool({
    name: 'create_record',
    title: 'Create a record',
    description:
      'Create one record from `fields` (names or ids as keys). Returns it and the change set to undo it.',
    input: z.object({ base_id, table_id, fields: cells, typecast }).strict(),
    output: writeOutputSchema,
    kind: 'write',
    action: 'records.write',
    resource: target,
    run: async (args, context) => {
      const { caller, tableIdOrName, applied } = await writeScope(deps, context, args);
      const written = await deps.data.createRecords({
        caller,
        baseId: args.base_id,
        tableIdOrName,
        records: [{ fields: args.fields }],
        typecast: args.typecast,
      });
      return applied(written.records, [written.changeSetId]);
    },
    text: writeText,
  });
}

/** update_record: some cells of one record (the others stay unless `replace`). */
export function updateRecordTool(deps: DataToolDeps) {
  return defineTool({
    name: 'update_record',
    title: 'Update a record',
    description:
      'Change cells of one record; other cells stay (replace: true clears them). dry_run: true shows the before/after diff without writing.',
    input: z
      .object({
        base_id,
        table_id,
        record_id,
        fields: cells,
        typecast,
        replace: z.boolean().default(false),
        dry_run,
      })
      .strict(),
    output: writeOutputSchema,
    kind: 'write',
    destructive: true,
    idempotent: true,
    action: 'records.write',
    resource: target,
    run: async (args, context) => {
      const { caller, tableIdOrName, diff: scope, applied } = await writeScope(deps, context, args);
      const records = [{ id: args.record_id, fields: args.fields }];
      if (args.dry_run) {
        const diff = await updateDiff({
          ...scope,
          records,
          replace: args.replace,
        });
        return { dryRun: true, count: 1, diff, changeSetIds: [] };
      }
      const mode = args.replace ? ('replace' as const) : ('merge' as const);
      const written = await deps.data.updateRecords({
        caller,
        baseId: args.base_id,
        tableIdOrName,
        records,
        mode,
        typecast: args.typecast,
      });
      return applied(written.records, [written.changeSetId]);
    },
    text: writeText,
  });
}

/** delete_record: one record. */
export function deleteRecordTool(deps: DataToolDeps) {
  return defineTool({
    name: 'delete_record',
    title: 'Delete a record',
    description:
      'Delete one record. dry_run: true shows what would be lost without deleting. undo_change brings it back (with a new id).',
    input: z.object({ base_id, table_id, record_id, dry_run }).strict(),
    output: writeOutputSchema,
    kind: 'write',
    destructive: true,
    idempotent: true,
    action: 'records.write',
    resource: target,
    run: async (args, context) => {
      const { caller, tableIdOrName, diff: scope } = await writeScope(deps, context, args);
      if (args.dry_run) {
        const diff = await deleteDiff({
          ...scope,
          recordIds: [args.record_id],
        });
        return { dryRun: true, count: 1, diff, changeSetIds: [] };
      }
      const written = await deps.data.deleteRecords({
        caller,
        baseId: args.base_id,
        tableIdOrName,
        recordIds: [args.record_id],
      });
      return {
        dryRun: false,
        count: written.records.length,
        ids: written.records.map((record) => record.id),
        changeSetIds: written.changeSetId ? [written.changeSetId] : [],
      };
    },
    text: writeText,
  });
}
