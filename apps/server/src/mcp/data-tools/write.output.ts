import { z } from 'zod';
import { compactRecordSchema } from './records.output';

/** One record of a dry-run diff: the cells that would change, before and after. */
export const diffEntrySchema = z.object({
  op: z.enum(['create', 'update', 'delete']),
  id: z.string().optional(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type DiffEntry = z.output<typeof diffEntrySchema>;

/** The result of a record write tool: what it wrote (or, on a dry run, the diff) and its change sets. */
export const writeOutputSchema = z.object({
  dryRun: z.boolean(),
  count: z.number().int().describe('Records written (or that would be)'),
  records: z.array(compactRecordSchema).optional().describe('The written records (up to 20)'),
  ids: z.array(z.string()).optional().describe('Ids of the written records, when more than 20'),
  diff: z.array(diffEntrySchema).optional().describe('Dry run: the change per record'),
  changeSetIds: z.array(z.string()).describe('Pass to undo_change to revert this write'),
  createdIds: z.array(z.string()).optional(),
  updatedIds: z.array(z.string()).optional(),
});
export type WriteOutput = z.output<typeof writeOutputSchema>;

const shown = (value: unknown) => (value === undefined || value === null ? '(empty)' : JSON.stringify(value));

/** The compact text form of a write: one line, or the diff lines of a dry run. */
export function writeText(output: WriteOutput): string {
  if (output.dryRun) {
    const lines = (output.diff ?? []).map((entry) => {
      const cells = Object.entries(entry.changes).map(
        ([name, change]) => `${name}: ${shown(change.before)} → ${shown(change.after)}`,
      );
      return `${entry.op} ${entry.id ?? '(new)'}: ${cells.join('; ')}`;
    });
    return [`Dry run: ${output.count} records would change; nothing was written.`, ...lines].join('\n');
  }
  const ids = output.records?.map((record) => record.id) ?? output.ids ?? [];
  const undo = output.changeSetIds.length
    ? ` Change sets: ${output.changeSetIds.join(', ')} (undo_change reverts them).`
    : '';
  return `${output.count} records written: ${ids.join(', ')}.${undo}`;
}

/** Shown records in full up to 20, ids beyond. */
export const SHOWN_RECORDS = 20;
