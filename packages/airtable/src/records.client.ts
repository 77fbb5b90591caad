import type { AirtableRequestHandler } from './http.types';
import {
  deleteRecord,
  deleteRecords,
  type DeleteRecordParams,
  type DeleteRecordsParams,
} from './records.delete';
import {
  iterateRecordPages,
  listAllRecords,
  type CappedRecordList,
  type CappedRecordPage,
  type ListAllRecordsParams,
} from './records.pages';
import {
  getRecord,
  listRecordPage,
  type GetRecordParams,
  type ListRecordsParams,
  type RecordPage,
} from './records.read';
import type { AirtableRecord, DeletedRecord, UpsertResult } from './records.schema';
import {
  createRecord,
  createRecords,
  writeRecord,
  writeRecords,
  type CreateRecordParams,
  type CreateRecordsParams,
  type UpdateRecordParams,
  type UpdateRecordsParams,
} from './records.write';
import { upsertRecords, type UpsertRecordsParams } from './records.upsert';

/** The records part of the client; each method sends one request, except `pages` and `listAll`. */
export interface RecordsApi {
  /** Lists one page (GET, or POST listRecords when the URL would be too long). */
  list(params: ListRecordsParams): Promise<RecordPage>;
  /** Iterates pages up to `cap`; the final page says whether the cap truncated the result. */
  pages(params: ListAllRecordsParams): AsyncGenerator<CappedRecordPage, void, undefined>;
  /** Collects pages up to `cap` into `{ records, truncated, nextOffset? }`. */
  listAll(params: ListAllRecordsParams): Promise<CappedRecordList>;
  /** Reads one record. */
  get(params: GetRecordParams): Promise<AirtableRecord>;
  /** Creates one record. */
  create(params: CreateRecordParams): Promise<AirtableRecord>;
  /** Creates 1 to 10 records atomically, answered in input order. */
  createMany(params: CreateRecordsParams): Promise<AirtableRecord[]>;
  /** PATCH one record: only the given fields change. */
  update(params: UpdateRecordParams): Promise<AirtableRecord>;
  /** PATCH 1 to 10 records. */
  updateMany(params: UpdateRecordsParams): Promise<AirtableRecord[]>;
  /** PUT one record: writable fields not given are cleared. */
  replace(params: UpdateRecordParams): Promise<AirtableRecord>;
  /** PUT 1 to 10 records. */
  replaceMany(params: UpdateRecordsParams): Promise<AirtableRecord[]>;
  /** Upserts 1 to 10 records (`performUpsert`), reporting created and updated ids. */
  upsert(params: UpsertRecordsParams): Promise<UpsertResult>;
  /** Deletes one record. */
  delete(params: DeleteRecordParams): Promise<DeletedRecord>;
  /** Deletes 1 to 10 records. */
  deleteMany(params: DeleteRecordsParams): Promise<DeletedRecord[]>;
}

/** Builds the records API on a request handler. */
export function createRecordsApi(request: AirtableRequestHandler): RecordsApi {
  return {
    list: (params) => listRecordPage(request, params),
    pages: (params) => iterateRecordPages(request, params),
    listAll: (params) => listAllRecords(request, params),
    get: (params) => getRecord(request, params),
    create: (params) => createRecord(request, params),
    createMany: (params) => createRecords(request, params),
    update: (params) => writeRecord(request, { ...params, operation: 'records.update' }),
    updateMany: (params) => writeRecords(request, { ...params, operation: 'records.update' }),
    replace: (params) => writeRecord(request, { ...params, operation: 'records.replace' }),
    replaceMany: (params) => writeRecords(request, { ...params, operation: 'records.replace' }),
    upsert: (params) => upsertRecords(request, params),
    delete: (params) => deleteRecord(request, params),
    deleteMany: (params) => deleteRecords(request, params),
  };
}
