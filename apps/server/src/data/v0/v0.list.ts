import type { ListRecordsOptions } from '../data.types';
import { isObject } from './v0.body';
import { invalidRequest } from './v0.errors';
import { arrayParam, booleanValue, integerValue, sortParam, stringValue } from './v0.query';

type ListParams = Omit<ListRecordsOptions, 'baseId' | 'tableIdOrName'>;

function cellFormat(value: unknown): ListParams['cellFormat'] {
  const text = stringValue(value, 'cellFormat');
  if (text === undefined || text === '') return undefined;
  if (text !== 'json' && text !== 'string') throw invalidRequest('cellFormat must be json or string');
  return text;
}

function metadata(values: unknown): ListParams['recordMetadata'] {
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) throw invalidRequest('recordMetadata must be an array');
  for (const value of values) if (value !== 'commentCount') throw invalidRequest(`Unknown recordMetadata ${String(value)}`);
  return values as 'commentCount'[];
}

function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** The list parameters of `GET /v0/{base}/{table}` (§2.2 wire forms). */
export function listFromQuery(query: URLSearchParams): ListParams {
  return compact({
    fields: arrayParam(query, 'fields'),
    filterByFormula: query.get('filterByFormula') ?? undefined,
    sort: sortParam(query),
    view: query.get('view') || undefined,
    pageSize: integerValue(query.get('pageSize'), 'pageSize'),
    maxRecords: integerValue(query.get('maxRecords'), 'maxRecords'),
    offset: query.get('offset') || undefined,
    cellFormat: cellFormat(query.get('cellFormat') ?? undefined),
    timeZone: query.get('timeZone') || undefined,
    userLocale: query.get('userLocale') || undefined,
    returnFieldsByFieldId: booleanValue(query.get('returnFieldsByFieldId'), 'returnFieldsByFieldId'),
    recordMetadata: metadata(arrayParam(query, 'recordMetadata')),
  });
}

function stringArray(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalidRequest(`${name} must be an array of strings`);
  return value as string[];
}

function sortArray(value: unknown): ListParams['sort'] {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidRequest('sort must be an array of {field, direction}');
  return value.map((item, index) => {
    if (!isObject(item) || typeof item.field !== 'string') throw invalidRequest(`sort[${index}] needs a field`);
    const direction = stringValue(item.direction, `sort[${index}].direction`);
    return { field: item.field, ...(direction ? { direction: direction as 'asc' | 'desc' } : {}) };
  });
}

/**
 * The parameters of `POST .../listRecords`: the JSON body, with `timeZone` and `userLocale` from the
 * query (where Airtable wants them) or the body; unknown keys such as airtable.js's `method` are ignored.
 */
export function listFromBody(body: Record<string, unknown>, query: URLSearchParams): ListParams {
  return compact({
    fields: stringArray(body.fields, 'fields'),
    filterByFormula: stringValue(body.filterByFormula, 'filterByFormula'),
    sort: sortArray(body.sort),
    view: stringValue(body.view, 'view') || undefined,
    pageSize: integerValue(body.pageSize, 'pageSize'),
    maxRecords: integerValue(body.maxRecords, 'maxRecords'),
    offset: stringValue(body.offset, 'offset') || undefined,
    cellFormat: cellFormat(body.cellFormat),
    timeZone: query.get('timeZone') || stringValue(body.timeZone, 'timeZone') || undefined,
    userLocale: query.get('userLocale') || stringValue(body.userLocale, 'userLocale') || undefined,
    returnFieldsByFieldId: booleanValue(body.returnFieldsByFieldId, 'returnFieldsByFieldId'),
    recordMetadata: metadata(body.recordMetadata),
  });
}
