import type { Caller, DataService, ListRecordsOptions, RecordData } from '../../data';

/** Reads up to `max` records of a listing (pages of 100 through the data service). */
export async function scanRecords(input: {
  data: DataService;
  caller: Caller;
  list: Omit<ListRecordsOptions, 'offset' | 'pageSize' | 'maxRecords'>;
  max: number;
}): Promise<{ records: RecordData[]; complete: boolean }> {
  const records: RecordData[] = [];
  let offset: string | undefined;
  do {
    const page = await input.data.listRecords({
      caller: input.caller,
      ...input.list,
      pageSize: Math.min(100, input.max - records.length),
      ...(offset ? { offset } : {}),
    });
    records.push(...page.records);
    offset = page.offset;
  } while (offset && records.length < input.max);
  return { records: records.slice(0, input.max), complete: offset === undefined };
}
