import { parseBody } from './http.body';
import { encodeQuery, v0Path } from './http.query';
import type { AirtableRequest, AirtableRequestHandler } from './http.types';
import {
  cellFormatQuery,
  listPostForm,
  listQuery,
  type CellFormatOptions,
  type ListRecordsOptions,
  type TableRef,
} from './records.params';
import { recordPageSchema, recordSchema, type AirtableRecord } from './records.schema';

/**
 * Longest `path?query` sent as GET; longer lists go to `POST .../listRecords`. Airtable refuses URLs
 * over 16,000 characters; airtable.js switches at 15,000, which leaves room for the origin.
 */
export const MAX_LIST_URL_LENGTH = 15_000;

/** Parameters of `records.list`: a table plus every list option. */
export type ListRecordsParams = TableRef & ListRecordsOptions;

/** Parameters of `records.get`. */
export interface GetRecordParams extends TableRef, CellFormatOptions {
  recordId: string;
}

/** One page of records; `offset` is the cursor of the next page, absent on the last one. */
export interface RecordPage {
  records: AirtableRecord[];
  offset?: string;
}

/** Lists one page of records, as GET or, when the URL would be too long, as POST listRecords. */
export async function listRecordPage(
  request: AirtableRequestHandler,
  params: ListRecordsParams,
): Promise<RecordPage> {
  const response = await request(listRequest(params));
  const page = parseBody(recordPageSchema, response, 'records.list');
  return page.offset === undefined
    ? { records: page.records }
    : { records: page.records, offset: page.offset };
}

/** Builds the list request; exported so a scheduler or test can see which form a call takes. */
export function listRequest(params: ListRecordsParams): AirtableRequest {
  const path = v0Path(params.baseId, params.tableIdOrName);
  const common = {
    operation: 'records.list',
    baseId: params.baseId,
    idempotent: true,
    signal: params.signal,
    timeoutMs: params.timeoutMs,
  } as const;
  const query = listQuery(params);
  if (path.length + 1 + encodeQuery(query).length <= MAX_LIST_URL_LENGTH) {
    return { ...common, method: 'GET', path, query };
  }
  const form = listPostForm(params);
  return { ...common, method: 'POST', path: `${path}/listRecords`, query: form.query, body: form.body };
}

/** Reads one record. */
export async function getRecord(
  request: AirtableRequestHandler,
  params: GetRecordParams,
): Promise<AirtableRecord> {
  const response = await request({
    operation: 'records.get',
    method: 'GET',
    path: v0Path(params.baseId, params.tableIdOrName, params.recordId),
    query: cellFormatQuery(params),
    baseId: params.baseId,
    idempotent: true,
    signal: params.signal,
    timeoutMs: params.timeoutMs,
  });
  return parseBody(recordSchema, response, 'records.get');
}
