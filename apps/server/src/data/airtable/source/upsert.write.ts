import { chunk } from '@tableport/airtable';
import type { UpsertRecordsOptions, UpsertResult, WriteContext } from '../../data.types';
import { fetchByMergeFields } from './before.fetch';
import { createdChanges, updatedChanges } from './changes.build';
import { fieldKeys, journalWrite, tableLookup, type TableAt } from './journal.write';

/**
 * Upserts in requests of 10. The records it may update are read first (by their merge values),
 * so updates carry their before state; chunks that Airtable applied are journaled even when a
 * later chunk fails.
 */
export async function upsertInChunks(input: {
  where: TableAt;
  write: WriteContext;
  options: Omit<UpsertRecordsOptions, 'baseId'>;
}): Promise<UpsertResult> {
  const { where, options } = input;
  const lookup = await tableLookup(where, fieldKeys(options.records));
  const tableId = lookup?.table.id ?? options.tableIdOrName;
  const before = await fetchByMergeFields({ client: where.client, baseId: where.base.id, tableId, fieldsToMergeOn: options.fieldsToMergeOn, records: options.records });
  const settled = await Promise.allSettled(
    chunk(options.records).map((records) =>
      where.client.records.upsert({
        baseId: where.base.id,
        tableIdOrName: options.tableIdOrName,
        records,
        fieldsToMergeOn: options.fieldsToMergeOn,
        mode: options.mode === 'replace' ? 'replace' : 'update',
        typecast: options.typecast,
        returnFieldsByFieldId: options.returnFieldsByFieldId,
      }),
    ),
  );
  const done = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const result: UpsertResult = {
    records: done.flatMap((part) => part.records),
    createdRecords: done.flatMap((part) => part.createdRecords),
    updatedRecords: done.flatMap((part) => part.updatedRecords),
  };
  if (result.records.length > 0) {
    const created = new Set(result.createdRecords);
    await journalWrite({
      ...where,
      write: input.write,
      changes: (table) => [
        ...createdChanges(table, result.records.filter((record) => created.has(record.id))),
        ...updatedChanges({ lookup: table, before, after: result.records.filter((record) => !created.has(record.id)) }),
      ],
    });
  }
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return result;
}
