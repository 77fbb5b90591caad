import type { SortSpec } from '../data.types';
import { invalidRequest } from './v0.errors';

/** The query string of a request, form-decoded (`+` is a space), as Airtable clients encode it. */
export function queryOf(url: string): URLSearchParams {
  const index = url.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : url.slice(index + 1));
}

/**
 * An array parameter in any of the forms clients send: `name[]=a&name[]=b`, `name[0]=a`, or
 * repeated `name=a` (indexed entries in index order).
 */
export function arrayParam(query: URLSearchParams, name: string): string[] | undefined {
  const indexed: [number, string][] = [];
  const plain: string[] = [];
  for (const [key, value] of query) {
    if (key === name || key === `${name}[]`) plain.push(value);
    else {
      const match = /^(.+)\[(\d+)\]$/.exec(key);
      if (match && match[1] === name) indexed.push([Number(match[2]), value]);
    }
  }
  if (plain.length === 0 && indexed.length === 0) return undefined;
  return [...indexed.sort((a, b) => a[0] - b[0]).map(([, value]) => value), ...plain];
}

/** `sort[i][field]` / `sort[i][direction]`, in index order, key order irrelevant. */
export function sortParam(query: URLSearchParams): SortSpec[] | undefined {
  const byIndex = new Map<number, { field?: string; direction?: string }>();
  for (const [key, value] of query) {
    const match = /^sort\[(\d+)\]\[(field|direction)\]$/.exec(key);
    if (!match) continue;
    const entry = byIndex.get(Number(match[1])) ?? {};
    entry[match[2] as 'field' | 'direction'] = value;
    byIndex.set(Number(match[1]), entry);
  }
  if (byIndex.size === 0) return undefined;
  return [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, entry]) => {
      if (!entry.field) throw invalidRequest(`sort[${index}] needs a field`);
      return { field: entry.field, ...(entry.direction ? { direction: entry.direction as SortSpec['direction'] } : {}) };
    });
}

/** A boolean parameter: `true|false` (airtable.js) or `1|0` (pyairtable). */
export function booleanValue(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true' || value === '1' || value === 1) return true;
  if (value === false || value === 'false' || value === '0' || value === 0) return false;
  throw invalidRequest(`${name} must be true or false`);
}

/** An integer parameter (query text or JSON number). */
export function integerValue(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw invalidRequest(`${name} must be an integer`);
  return number;
}

/** A string parameter; anything else is refused. */
export function stringValue(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`${name} must be a string`);
  return value;
}
