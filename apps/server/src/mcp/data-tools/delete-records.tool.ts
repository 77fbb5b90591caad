import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { MAX_BATCH, target } from './batch.params';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, dry_run, record_id, table_id } from './tool.params';
import { writeInChunks } from './write.chunks';
import { deleteDiff } from './write.diff';
import { writeOutputSchema, writeText } from './write.output';
import { writeScope } from './write.result';

/** delete_records: any number of ids, in chunks of 10, with a dry run. */
export function deleteRecordsTool(deps: DataToolDeps) {
  const size = deps.writeChunkSize ?? WRITE_CHUNK_SIZE;
  return defineTool({
    name: 'delete_records',
    title: 'Delete records',
    description: `Delete many records by id (up to ${MAX_BATCH}; ${size} per request). dry_run: true lists what would be lost.`,
    input: z
      .object({ base_id, table_id, record_ids: z.array(record_id).min(1).max(MAX_BATCH), dry_run })
      .strict(),
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
          recordIds: args.record_ids,
        });
        return { dryRun: true, count: diff.length, diff, changeSetIds: [] };
      }
      const results = await writeInChunks({
        items: args.record_ids,
        size,
        write: (recordIds) =>
          deps.data.deleteRecords({ caller, baseId: args.base_id, tableIdOrName, recordIds }),
      });
      const ids = results.flatMap((result) => result.records.map((record) => record.id));
      return {
        dryRun: false,
        count: ids.length,
        ids,
        changeSetIds: results.flatMap((result) => result.changeSetId ?? []),
      };
    },
    text: writeText,
  });
}
