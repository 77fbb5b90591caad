import { assertBatchSize } from './batch.limits';
import { parseBody } from './http.body';
import { QueryBuilder, v0Path } from './http.query';
import type { AirtableRequestHandler } from './http.types';
import type { TableRef } from './records.params';
import { deletedManySchema, deletedSchema, type DeletedRecord } from './records.schema';

/** Parameters of `records.delete`. */
export type DeleteRecordParams = TableRef & { recordId: string };
/** Parameters of `records.deleteMany` (1 to 10 ids). */
export type DeleteRecordsParams = TableRef & { recordIds: readonly string[] };

/** Deletes one record. */
export async function deleteRecord(
  request: AirtableRequestHandler,
  params: DeleteRecordParams,
): Promise<DeletedRecord> {
  const response = await request({
    operation: 'records.delete',
    method: 'DELETE',
    path: v0Path(params.baseId, params.tableIdOrName, params.recordId),
    baseId: params.baseId,
    idempotent: true,
    signal: params.signal,
    timeoutMs: params.timeoutMs,
  });
  return parseBody(deletedSchema, response, 'records.delete');
}

/** Deletes 1 to 10 records: `DELETE ...?records[]=recA&records[]=recB` (query only, no body). */
export async function deleteRecords(
  request: AirtableRequestHandler,
  params: DeleteRecordsParams,
): Promise<DeletedRecord[]> {
  assertBatchSize(params.recordIds.length, 'records.delete');
  const response = await request({
    operation: 'records.delete',
    method: 'DELETE',
    path: v0Path(params.baseId, params.tableIdOrName),
    query: new QueryBuilder().addArray('records', params.recordIds).entries,
    baseId: params.baseId,
    idempotent: true,
    signal: params.signal,
    timeoutMs: params.timeoutMs,
  });
  return parseBody(deletedManySchema, response, 'records.delete').records;
}
