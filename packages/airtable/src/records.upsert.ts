import { assertBatchSize } from './batch.limits';
import { parseBody } from './http.body';
import type { AirtableRequestHandler } from './http.types';
import type { TableRef } from './records.params';
import { upsertSchema, type UpsertResult } from './records.schema';
import { sendWrite, writeOptions, type FieldValues, type WriteOptions } from './records.write';

/** Parameters of `records.upsert`: records match on 1 to 3 fields; `mode: 'replace'` sends PUT. */
export type UpsertRecordsParams = TableRef &
  WriteOptions & {
    records: ReadonlyArray<{ id?: string; fields: FieldValues }>;
    fieldsToMergeOn: readonly string[];
    mode?: 'update' | 'replace';
  };

/** Upserts 1 to 10 records matched on `fieldsToMergeOn`; reports created and updated ids. */
export async function upsertRecords(
  request: AirtableRequestHandler,
  params: UpsertRecordsParams,
): Promise<UpsertResult> {
  assertBatchSize(params.records.length, 'records.upsert');
  const body = {
    performUpsert: { fieldsToMergeOn: params.fieldsToMergeOn },
    records: params.records.map(({ id, fields }) => ({ id, fields })),
    ...writeOptions(params),
  };
  const method = params.mode === 'replace' ? 'PUT' : 'PATCH';
  const response = await sendWrite(request, { operation: 'records.upsert', ref: params, body, method });
  return parseBody(upsertSchema, response, 'records.upsert');
}
