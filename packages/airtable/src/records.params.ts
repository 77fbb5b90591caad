import { QueryBuilder } from './http.query';
import type { CallOptions, QueryEntries } from './http.types';

/** Identifies a table: a base id and a table id or name. */
export interface TableRef extends CallOptions {
  baseId: string;
  tableIdOrName: string;
}

/** One sort key of a record list. */
export interface SortSpec {
  field: string;
  direction?: 'asc' | 'desc';
}

/** How cells are rendered; `string` needs `timeZone` and `userLocale` (Airtable requires both). */
export interface CellFormatOptions {
  cellFormat?: 'json' | 'string';
  timeZone?: string;
  userLocale?: string;
  returnFieldsByFieldId?: boolean;
}

/** Every parameter of Airtable's list records call. */
export interface ListRecordsOptions extends CellFormatOptions {
  fields?: readonly string[];
  filterByFormula?: string;
  sort?: readonly SortSpec[];
  view?: string;
  /** Records per page, at most 100. */
  pageSize?: number;
  /** Total cap across all pages, enforced by Airtable itself. */
  maxRecords?: number;
  /** Cursor from the previous page; absent for the first page. */
  offset?: string;
  recordMetadata?: readonly 'commentCount'[];
}

/** The GET form, in airtable.js's order: `fields[]`, `sort[i][field]`, ..., `offset` last. */
export function listQuery(options: ListRecordsOptions): QueryEntries {
  const query = new QueryBuilder().addArray('fields', options.fields);
  (options.sort ?? []).forEach((sort, index) => {
    query.add(`sort[${index}][field]`, sort.field).add(`sort[${index}][direction]`, sort.direction);
  });
  query
    .add('filterByFormula', options.filterByFormula)
    .add('maxRecords', options.maxRecords)
    .add('pageSize', options.pageSize)
    .add('view', options.view)
    .add('cellFormat', options.cellFormat)
    .add('returnFieldsByFieldId', options.returnFieldsByFieldId)
    .addArray('recordMetadata', options.recordMetadata)
    .add('timeZone', options.timeZone)
    .add('userLocale', options.userLocale)
    .add('offset', options.offset);
  return query.entries;
}

/** The POST listRecords form: JSON body, but `timeZone` and `userLocale` stay in the query (Airtable). */
export function listPostForm(options: ListRecordsOptions): {
  query: QueryEntries;
  body: Record<string, unknown>;
} {
  const query = new QueryBuilder().add('timeZone', options.timeZone).add('userLocale', options.userLocale);
  const body = {
    fields: options.fields,
    sort: options.sort,
    filterByFormula: options.filterByFormula,
    maxRecords: options.maxRecords,
    pageSize: options.pageSize,
    view: options.view,
    cellFormat: options.cellFormat,
    returnFieldsByFieldId: options.returnFieldsByFieldId,
    recordMetadata: options.recordMetadata,
    offset: options.offset,
  };
  return { query: query.entries, body };
}

/** The query of a single-record read. */
export function cellFormatQuery(options: CellFormatOptions): QueryEntries {
  return new QueryBuilder()
    .add('cellFormat', options.cellFormat)
    .add('timeZone', options.timeZone)
    .add('userLocale', options.userLocale)
    .add('returnFieldsByFieldId', options.returnFieldsByFieldId).entries;
}
