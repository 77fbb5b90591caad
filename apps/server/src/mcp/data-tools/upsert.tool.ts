import { z } from 'zod';
import type { Caller, DataService, FieldValues, TableSchema } from '../../data';
import { defineTool } from '../tools/tool.types';
import { findField, loadTable } from './schema.lookup';
import { WRITE_CHUNK_SIZE, type DataToolDeps } from './tool.deps';
import { base_id, callerOf, cells, dry_run, table_id, typecast } from './tool.params';
import { writeInChunks } from './write.chunks';
import { createDiff, updateDiff } from './write.diff';
import { writeOutputSchema, writeText, type DiffEntry } from './write.output';
import { appliedOutput } from './write.result';
import { MAX_BATCH } from './batch.params';

const key = (values: unknown[]) =>
  JSON.stringify(
    values.map((value) => (typeof value === 'string' ? value.trim().toLowerCase() : (value ?? null))),
  );

/** The existing record each new record would update (the dry run of an upsert), by its merge-field key. */
async function matches(input: {
  data: DataService;
  caller: Caller;
  baseId: string;
  table: TableSchema;
  mergeOn: string[];
}) {
  const names = input.mergeOn.map((name) => findField(input.table, name).name);
  const byKey = new Map<string, string>();
  let offset: string | undefined;
  do {
    const page = await input.data.listRecords({
      caller: input.caller,
      baseId: input.baseId,
      tableIdOrName: input.table.id,
      fields: names,
      pageSize: 100,
      ...(offset ? { offset } : {}),
    });
    for (const record of page.records) byKey.set(key(names.map((name) => record.fields[name])), record.id);
    offset = page.offset;
  } while (offset);
  return (fields: FieldValues) =>
    byKey.get(key(names.map((name) => fields[name] ?? fields[findField(input.table, name).id])));
}

/** upsert_records: create or update records matched on 1-3 fields (Airtable's performUpsert), in chunks of 10. */
export function upsertRecordsTool(deps: DataToolDeps) {
  const size = deps.writeChunkSize ?? WRITE_CHUNK_SIZE;
  return defineTool({
    name: 'upsert_records',
    title: 'Upsert records',
    description: `Create or update records matched on 1-3 fields (fields_to_merge_on): a record whose values match an existing record updates it, others are created. Up to ${MAX_BATCH} records, ${size} per request. dry_run: true shows which would be created or updated.`,
    input: z
      .object({
        base_id,
        table_id,
        records: z
          .array(z.object({ fields: cells }).strict())
          .min(1)
          .max(MAX_BATCH),
        fields_to_merge_on: z
          .array(z.string().min(1))
          .min(1)
          .max(3)
          .describe('Field names whose values identify a record'),
        typecast,
        dry_run,
      })
      .strict(),
    output: writeOutputSchema,
    kind: 'write',
    destructive: true,
    idempotent: true,
    action: 'records.write',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const found = await loadTable({ data: deps.data, caller, baseId: args.base_id, table: args.table_id });
      if (args.dry_run) {
        const existing = await matches({
          data: deps.data,
          caller,
          baseId: args.base_id,
          table: found.table,
          mergeOn: args.fields_to_merge_on,
        });
        const diff: DiffEntry[] = [];
        for (const record of args.records) {
          const id = existing(record.fields);
          const entry = id
            ? (
                await updateDiff({
                  data: deps.data,
                  caller,
                  baseId: args.base_id,
                  table: found.table,
                  tableId: found.table.id,
                  records: [{ id, fields: record.fields }],
                  replace: false,
                })
              )[0]!
            : createDiff(found.table, [record])[0]!;
          diff.push(entry);
        }
        return { dryRun: true, count: diff.length, diff, changeSetIds: [] };
      }
      const results = await writeInChunks({
        items: args.records,
        size,
        write: (records) =>
          deps.data.upsertRecords({
            caller,
            baseId: args.base_id,
            tableIdOrName: found.table.id,
            records,
            fieldsToMergeOn: args.fields_to_merge_on,
            mode: 'merge',
            typecast: args.typecast,
          }),
      });
      const records = results.flatMap((result) => result.records);
      const output = await appliedOutput({
        data: deps.data,
        caller,
        baseId: args.base_id,
        found,
        records,
        changeSetIds: results.map((result) => result.changeSetId),
      });
      return {
        ...output,
        createdIds: results.flatMap((result) => result.createdRecords),
        updatedIds: results.flatMap((result) => result.updatedRecords),
      };
    },
    text: writeText,
  });
}
