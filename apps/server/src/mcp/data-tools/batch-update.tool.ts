import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { MAX_BATCH, changedRecord, target } from './batch.params';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, dry_run, table_id, typecast } from './tool.params';
import { writeInChunks } from './write.chunks';
import { updateDiff } from './write.diff';
import { writeOutputSchema, writeText } from './write.output';
import { writeScope } from './write.result';

/** batch_update_records: any number of `{id, fields}`, in chunks of 10, with a dry run. */
export function batchUpdateTool(deps: DataToolDeps) {
  const size = deps.writeChunkSize ?? WRITE_CHUNK_SIZE;
  return defineTool({
    name: 'batch_update_records',
    title: 'Update records',
    description: `Change cells of many records (up to ${MAX_BATCH}; ${size} per request): [{"id": "rec…", "fields": {...}}]. dry_run: true returns the diff without writing.`,
    input: z
      .object({
        base_id,
        table_id,
        records: z.array(changedRecord).min(1).max(MAX_BATCH),
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
      if (args.dry_run) {
        const diff = await updateDiff({
          ...scope,
          records: args.records,
          replace: args.replace,
        });
        return { dryRun: true, count: diff.length, diff, changeSetIds: [] };
      }
      const mode = args.replace ? ('replace' as const) : ('merge' as const);
      const results = await writeInChunks({
        items: args.records,
        size,
        write: (records) =>
          deps.data.updateRecords({
            caller,
            baseId: args.base_id,
            tableIdOrName,
            records,
            mode,
            typecast: args.typecast,
          }),
      });
      const records = results.flatMap((result) => result.records);
      return applied(
        records,
        results.map((result) => result.changeSetId),
      );
    },
    text: writeText,
  });
}
