import type { QueryEntries } from './http.types';

/** Encodes query pairs as `application/x-www-form-urlencoded`, as Airtable's clients send them. */
export function encodeQuery(entries: QueryEntries): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) params.append(name, value);
  return params.toString();
}

/** Builds `/v0/<segment>/...` with every segment percent-encoded (table names may hold spaces). */
export function v0Path(...segments: string[]): string {
  return `/v0/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/** A query builder that skips `undefined` values, keeping insertion order. */
export class QueryBuilder {
  readonly entries: Array<readonly [string, string]> = [];

  /** Adds `name=value` when the value is defined. */
  add(name: string, value: string | number | boolean | undefined): this {
    if (value !== undefined) this.entries.push([name, String(value)]);
    return this;
  }

  /** Adds `name[]=v` for each value (Airtable's array form). */
  addArray(name: string, values: readonly string[] | undefined): this {
    for (const value of values ?? []) this.entries.push([`${name}[]`, value]);
    return this;
  }
}
