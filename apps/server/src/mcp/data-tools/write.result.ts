import type { Caller, DataService, RecordData } from '../../data';
import type { ToolContext } from '../tools/tool.types';
import { loadTableIfAllowed, type TableInBase } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { callerOf } from './tool.params';
import { compactRecords } from './records.compact';
import { SHOWN_RECORDS, type WriteOutput } from './write.output';

/** The output of an applied write: the records (compact, up to 20) or their ids, and the change sets. */
export async function appliedOutput(input: {
  data: DataService;
  caller: Caller;
  baseId: string;
  found: TableInBase | null;
  records: readonly RecordData[];
  changeSetIds: readonly (string | null)[];
}): Promise<WriteOutput> {
  const changeSetIds = input.changeSetIds.filter((id): id is string => id !== null);
  if (input.records.length > SHOWN_RECORDS) {
    return {
      dryRun: false,
      count: input.records.length,
      ids: input.records.map((record) => record.id),
      changeSetIds,
    };
  }
  const records = await compactRecords({
    data: input.data,
    caller: input.caller,
    baseId: input.baseId,
    schema: input.found?.schema ?? null,
    table: input.found?.table ?? null,
    records: input.records,
  });
  return { dryRun: false, count: records.length, records, changeSetIds };
}

/**
 * What every record-write tool starts from: the caller, the table (null when the caller may not read
 * the schema: the write itself then decides), the id or name to write to, the arguments of its
 * dry-run diff, and the output of what it wrote.
 */
export async function writeScope(
  deps: DataToolDeps,
  context: ToolContext,
  args: { base_id: string; table_id: string },
) {
  const caller = callerOf(context);
  const found = await loadTableIfAllowed({
    data: deps.data,
    caller,
    baseId: args.base_id,
    table: args.table_id,
  });
  const tableIdOrName = found?.table.id ?? args.table_id;
  return {
    caller,
    tableIdOrName,
    diff: {
      data: deps.data,
      caller,
      baseId: args.base_id,
      table: found?.table ?? null,
      tableId: tableIdOrName,
    },
    applied: (records: readonly RecordData[], changeSetIds: readonly (string | null)[]) =>
      appliedOutput({ data: deps.data, caller, baseId: args.base_id, found, records, changeSetIds }),
  };
}
