import type { AirtableRequest } from '@tableport/airtable';

/** What a cached answer holds; each kind has its own TTL and its own invalidation. */
export type CacheKind = 'records' | 'schema' | 'bases';

/** Time to live per kind, in ms. */
export type CacheTtls = Record<CacheKind, number>;

/**
 * Defaults: records change often and are also invalidated by our writes and the change feed;
 * schemas and base lists change rarely (the old gateway: schema 1 h, records 5 min).
 */
export const DEFAULT_CACHE_TTLS: CacheTtls = { records: 60_000, schema: 600_000, bases: 600_000 };

const READS: Partial<Record<string, CacheKind>> = {
  'records.list': 'records',
  'records.get': 'records',
  'meta.schema.get': 'schema',
  'meta.bases.list': 'bases',
};

const RECORDS: CacheKind[] = ['records'];
// A renamed field changes the keys of every cached record, so schema writes drop records too.
const SCHEMA: CacheKind[] = ['schema', 'records'];
const WRITES: Partial<Record<string, CacheKind[]>> = {
  'records.create': RECORDS,
  'records.update': RECORDS,
  'records.replace': RECORDS,
  'records.upsert': RECORDS,
  'records.delete': RECORDS,
  // commentCount is part of a listed record.
  'comments.create': RECORDS,
  'comments.delete': RECORDS,
  'attachments.upload': RECORDS,
  'meta.table.create': SCHEMA,
  'meta.table.update': SCHEMA,
  'meta.field.create': SCHEMA,
  'meta.field.update': SCHEMA,
  'meta.base.create': ['bases'],
};

/** Where a kind's entries live: the base, or `*` for token-wide lists. */
export const cacheScope = (request: Pick<AirtableRequest, 'baseId'>, kind: CacheKind): string =>
  kind === 'bases' ? '*' : (request.baseId ?? '*');

/** The kind a read is cached under, or undefined when it is not cached. */
export function readKind(request: AirtableRequest): CacheKind | undefined {
  const kind = READS[request.operation];
  if (kind === undefined || (kind !== 'bases' && request.baseId === undefined)) return undefined;
  return kind;
}

/** The kinds a write makes stale. */
export const invalidatedKinds = (request: AirtableRequest): CacheKind[] => WRITES[request.operation] ?? [];
