import { assertBatchSize } from './batch.limits';
import { parseBody } from './http.body';
import { v0Path } from './http.query';
import type { AirtableRequestHandler, AirtableResponse, HttpMethod } from './http.types';
import type { TableRef } from './records.params';
import { recordSchema, recordsSchema, type AirtableRecord } from './records.schema';

/** Cell values to write, keyed by field name or id. */
export type FieldValues = Record<string, unknown>;

/** Options every record write takes. */
export interface WriteOptions {
  /** Let Airtable convert strings to cell values (and create missing select choices). */
  typecast?: boolean;
  returnFieldsByFieldId?: boolean;
}

/** Parameters of `records.create`. */
export type CreateRecordParams = TableRef & WriteOptions & { fields: FieldValues };
/** Parameters of `records.createMany` (1 to 10 records). */
export type CreateRecordsParams = TableRef &
  WriteOptions & { records: ReadonlyArray<{ fields: FieldValues }> };
/** Parameters of `records.update` (PATCH) and `records.replace` (PUT). */
export type UpdateRecordParams = TableRef & WriteOptions & { recordId: string; fields: FieldValues };
/** Parameters of `records.updateMany` and `records.replaceMany` (1 to 10 records). */
export type UpdateRecordsParams = TableRef &
  WriteOptions & { records: ReadonlyArray<{ id: string; fields: FieldValues }> };

type WriteKind = 'records.create' | 'records.update' | 'records.replace' | 'records.upsert';
const METHODS: Record<WriteKind, HttpMethod> = {
  'records.create': 'POST',
  'records.update': 'PATCH',
  'records.replace': 'PUT',
  'records.upsert': 'PATCH',
};

/** One write as `sendWrite` sends it. */
export interface WriteCall {
  operation: WriteKind;
  ref: TableRef;
  recordId?: string;
  body: Record<string, unknown>;
  method?: HttpMethod;
}

/** Sends a record write; the method follows the operation unless given. */
export function sendWrite(request: AirtableRequestHandler, call: WriteCall): Promise<AirtableResponse> {
  const { ref } = call;
  const segments = call.recordId === undefined ? [] : [call.recordId];
  return request({
    operation: call.operation,
    method: call.method ?? METHODS[call.operation],
    path: v0Path(ref.baseId, ref.tableIdOrName, ...segments),
    body: call.body,
    baseId: ref.baseId,
    // Creates are not idempotent; PATCH/PUT and upserts (matched on merge fields) are.
    idempotent: call.operation !== 'records.create',
    signal: ref.signal,
    timeoutMs: ref.timeoutMs,
  });
}

/** The options every write body carries (undefined ones are left out of the JSON). */
export const writeOptions = (params: WriteOptions) => ({
  typecast: params.typecast,
  returnFieldsByFieldId: params.returnFieldsByFieldId,
});

/** Creates one record (single-record body form `{ fields }`). */
export async function createRecord(
  request: AirtableRequestHandler,
  params: CreateRecordParams,
): Promise<AirtableRecord> {
  const body = { fields: params.fields, ...writeOptions(params) };
  const response = await sendWrite(request, { operation: 'records.create', ref: params, body });
  return parseBody(recordSchema, response, 'records.create');
}

/** Creates 1 to 10 records in one atomic request; answers them in input order. */
export async function createRecords(
  request: AirtableRequestHandler,
  params: CreateRecordsParams,
): Promise<AirtableRecord[]> {
  assertBatchSize(params.records.length, 'records.create');
  const body = { records: params.records.map(({ fields }) => ({ fields })), ...writeOptions(params) };
  const response = await sendWrite(request, { operation: 'records.create', ref: params, body });
  return parseBody(recordsSchema, response, 'records.create').records;
}

/** Updates (PATCH: merge) or replaces (PUT: clear unlisted fields) one record. */
export async function writeRecord(
  request: AirtableRequestHandler,
  params: UpdateRecordParams & { operation: 'records.update' | 'records.replace' },
): Promise<AirtableRecord> {
  const body = { fields: params.fields, ...writeOptions(params) };
  const response = await sendWrite(request, {
    operation: params.operation,
    ref: params,
    recordId: params.recordId,
    body,
  });
  return parseBody(recordSchema, response, params.operation);
}

/** Updates or replaces 1 to 10 records in one atomic request. */
export async function writeRecords(
  request: AirtableRequestHandler,
  params: UpdateRecordsParams & { operation: 'records.update' | 'records.replace' },
): Promise<AirtableRecord[]> {
  assertBatchSize(params.records.length, params.operation);
  const body = { records: params.records.map(({ id, fields }) => ({ id, fields })), ...writeOptions(params) };
  const response = await sendWrite(request, { operation: params.operation, ref: params, body });
  return parseBody(recordsSchema, response, params.operation).records;
}
