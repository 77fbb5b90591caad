import { z } from 'zod';
import { defineTool } from '../tools/tool.types';
import { loadTableIfAllowed } from './schema.lookup';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, callerOf, cells, dry_run, record_id, table_id, typecast } from './tool.params';
import { writeInChunks } from './write.chunks';
import { deleteDiff, updateDiff } from './write.diff';
import { writeOutputSchema, writeText } from './write.output';
import { appliedOutput } from './write.result';

/** Most records one batch call takes (its result lists every id). */
export const MAX_BATCH = 1000;

// The original tool took bare field objects; `{fields}` is the Airtable shape. Both are accepted.
const newRecord = z.preprocess(
  (value) =>
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    'fields' in value
      ? value
      : { fields: value },
  z.object({ fields: cells }).strict(),
);
const changedRecord = z.object({ id: record_id, fields: cells }).strict();
const target = (args: { base_id: string; table_id: string }) => ({
  baseId: args.base_id,
  tableId: args.table_id,
});

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
      const caller = callerOf(context);
      const found = await loadTableIfAllowed({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const tableIdOrName = found?.table.id ?? args.table_id;
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
      return appliedOutput({
        data: deps.data,
        caller,
        baseId: args.base_id,
        found,
        records,
        changeSetIds: results.map((result) => result.changeSetId),
      });
    },
    text: writeText,
  });
}

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
      const caller = callerOf(context);
      const found = await loadTableIfAllowed({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const tableIdOrName = found?.table.id ?? args.table_id;
      if (args.dry_run) {
        const diff = await updateDiff({
          data: deps.data,
          caller,
          baseId: args.base_id,
          table: found?.table ?? null,
          tableId: tableIdOrName,
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
      return appliedOutput({
        data: deps.data,
        caller,
        baseId: args.base_id,
        found,
        records,
        changeSetIds: results.map((result) => result.changeSetId),
      });
    },
    text: writeText,
  });
}

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
      const caller = callerOf(context);
      const found = await loadTableIfAllowed({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const tableIdOrName = found?.table.id ?? args.table_id;
      if (args.dry_run) {
        const diff = await deleteDiff({
          data: deps.data,
          caller,
          baseId: args.base_id,
          table: found?.table ?? null,
          tableId: tableIdOrName,
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
