import type { Caller, DataService, RecordData } from '../../data';
import type { TableInBase } from './schema.lookup';
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
