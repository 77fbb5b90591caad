import type { AirtableRequest } from '@tableport/airtable';

/** The single-record writes the merger folds into batch requests. */
export type MergeKind = 'create' | 'update' | 'replace' | 'delete';

/** A single-record write the merger can fold into a batch request. */
export interface MergeCandidate {
  kind: MergeKind;
  /** Requests with the same key can share one batch: same table path, kind and options. */
  key: string;
  /** `/v0/{baseId}/{table}`, encoded as the client built it. */
  tablePath: string;
  baseId: string;
  recordId?: string;
  fields?: Record<string, unknown>;
  options: { typecast?: boolean; returnFieldsByFieldId?: boolean };
}

const KINDS: Partial<Record<string, { kind: MergeKind; method: string; segments: number }>> = {
  'records.create': { kind: 'create', method: 'POST', segments: 4 },
  'records.update': { kind: 'update', method: 'PATCH', segments: 5 },
  'records.replace': { kind: 'replace', method: 'PUT', segments: 5 },
  'records.delete': { kind: 'delete', method: 'DELETE', segments: 5 },
};
const WRITE_KEYS = new Set(['fields', 'typecast', 'returnFieldsByFieldId']);

/**
 * Recognises a single-record write in the exact wire form the client sends; anything else (batch
 * bodies, upserts, unknown keys, query parameters) passes through unmerged.
 */
export function mergeCandidate(request: AirtableRequest): MergeCandidate | undefined {
  const shape = KINDS[request.operation];
  const segments = request.path.split('/');
  if (!shape || request.method !== shape.method || segments.length !== shape.segments) return undefined;
  if (segments[1] !== 'v0' || request.host === 'content' || request.baseId === undefined) return undefined;
  if ((request.query?.length ?? 0) > 0) return undefined;
  const tablePath = segments.slice(0, 4).join('/');
  const recordId = shape.segments === 5 ? decodeURIComponent(segments[4]!) : undefined;
  const base = { kind: shape.kind, tablePath, baseId: request.baseId, recordId };
  if (shape.kind === 'delete') {
    return request.body === undefined ? { ...base, key: `delete ${tablePath}`, options: {} } : undefined;
  }
  const body = writeBody(request.body);
  if (!body) return undefined;
  const options = { typecast: body.typecast, returnFieldsByFieldId: body.returnFieldsByFieldId };
  const key = `${shape.kind} ${tablePath} ${String(options.typecast)} ${String(options.returnFieldsByFieldId)}`;
  return { ...base, key, fields: body.fields, options };
}

function writeBody(body: unknown):
  | { fields: Record<string, unknown>; typecast?: boolean; returnFieldsByFieldId?: boolean }
  | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  if (!Object.keys(record).every((key) => WRITE_KEYS.has(key))) return undefined;
  const { fields, typecast, returnFieldsByFieldId } = record;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
  if (!isOptionalBoolean(typecast) || !isOptionalBoolean(returnFieldsByFieldId)) return undefined;
  return { fields: fields as Record<string, unknown>, typecast, returnFieldsByFieldId };
}

const isOptionalBoolean = (value: unknown): value is boolean | undefined =>
  value === undefined || typeof value === 'boolean';
