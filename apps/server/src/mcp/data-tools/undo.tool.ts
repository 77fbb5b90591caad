import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import type { DataToolDeps } from './tool.deps';
import { callerOf } from './tool.params';

const step = z.object({
  op: z.enum(['create', 'update', 'delete']),
  tableId: z.string(),
  recordId: z.string(),
  fields: z.record(z.string(), z.unknown()),
  conflict: z.string().optional(),
});

/** undo_change: reverts change sets (the ids every write tool returns), newest first, with a dry run. */
export function undoChangeTool(deps: DataToolDeps) {
  return defineTool({
    name: 'undo_change',
    title: 'Undo a change',
    description:
      'Revert writes by their change set ids (every write tool returns changeSetIds): created records are deleted, changed cells get their old values, deleted records come back (with new ids). dry_run: true lists the steps and conflicts (records edited since); force: true reverts despite conflicts.',
    input: z
      .object({
        change_set_ids: z
          .array(
            z.string().regex(/^chg[A-Za-z0-9]{14}$/, 'expected a change set id like "chgXXXXXXXXXXXXXX"'),
          )
          .min(1)
          .max(100)
          .describe('Change set ids, as a write returned them'),
        dry_run: z.boolean().default(false).describe('true: only list what the revert would do'),
        force: z.boolean().default(false).describe('Revert even records that were edited since'),
      })
      .strict(),
    output: z.object({
      dryRun: z.boolean(),
      reverted: z.array(
        z.object({ changeSetId: z.string(), steps: z.array(step), revertChangeSetIds: z.array(z.string()) }),
      ),
    }),
    kind: 'write',
    destructive: true,
    action: 'records.write',
    run: async (args, context) => {
      const caller = callerOf(context);
      const reverted = [];
      for (const changeSetId of [...args.change_set_ids].reverse()) {
        const result = await deps.data.revertChangeSet({
          caller,
          changeSetId,
          dryRun: args.dry_run,
          force: args.force,
        });
        reverted.push({ changeSetId, steps: result.steps, revertChangeSetIds: result.revertChangeSetIds });
      }
      return { dryRun: args.dry_run, reverted };
    },
    text: (output) =>
      output.reverted
        .map((entry) => {
          const steps = entry.steps.map(
            (item) => `  ${item.op} ${item.recordId}${item.conflict ? ` (conflict: ${item.conflict})` : ''}`,
          );
          const head = output.dryRun
            ? `Would revert ${entry.changeSetId}:`
            : `Reverted ${entry.changeSetId} (undo with ${entry.revertChangeSetIds.join(', ') || 'nothing'}):`;
          return [head, ...steps].join('\n');
        })
        .join('\n'),
  });
}
