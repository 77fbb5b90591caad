import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { MAX_BATCH, newRecord, target } from './batch.params';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, table_id, typecast } from './tool.params';
import { writeInChunks } from './write.chunks';
import { writeOutputSchema, writeText } from './write.output';
import { writeScope } from './write.result';

/** batch_create_records: any number of records, written in chunks of 10. */
export function batchCreateTool(deps: DataToolDeps) {
  const size = deps.writeChunkSize ?? WRITE_CHUNK_SIZE;
  return defineTool({
    name: 'batch_create_records',
    title: 'Create records',
    description: `Create many records (up to ${MAX_BATCH}; written ${size} per request). Each item is {"fields": {...}} or the field object itself.`,
    input: z
      .object({ base_id, table_id, records: z.array(newRecord).min(1).max(MAX_BATCH), typecast })
      .strict(),
    output: writeOutputSchema,
    kind: 'write',
    action: 'records.write',
    resource: target,
    run: async (args, context) => {
      const { caller, tableIdOrName, applied } = await writeScope(deps, context, args);
      const results = await writeInChunks({
        items: args.records,
        size,
        write: (records) =>
          deps.data.createRecords({
            caller,
            baseId: args.base_id,
            tableIdOrName,
            records,
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
