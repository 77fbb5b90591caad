// Airtable's records and metadata routes over the peer's store.
import { PeerFailure, type PeerRecord, type PeerStore } from './peer.store';

/** A parsed request: path segments after `/v0`, form-decoded query, JSON body. */
export interface PeerCall {
  method: string;
  segments: string[];
  query: URLSearchParams;
  body: unknown;
}

type Answer = { status: number; body: unknown };
type Body = Record<string, unknown>;

/** Answers one call; throws {@link PeerFailure} for Airtable's errors. */
export function routeCall(store: PeerStore, call: PeerCall): Answer {
  const [first, second, third, fourth] = call.segments;
  if (first === 'meta' && second === 'bases' && third !== undefined && fourth === 'tables' && call.method === 'GET') {
    return ok({ tables: (store.bases.get(third) ?? []).map(({ id, name, fields }) => ({ id, name, primaryFieldId: fields[0]?.id, fields, views: [] })) });
  }
  if (first === 'meta' && second === 'bases' && third === undefined) {
    return ok({ bases: [...store.bases.keys()].map((id) => ({ id, name: id, permissionLevel: 'create' })) });
  }
  if (first === undefined || second === undefined || first === 'meta' || first === 'bases') throw notFound();
  const table = store.table(first, second);
  const body = (call.body ?? {}) as Body;
  if (third === 'listRecords' && call.method === 'POST') return ok(list(table.records, paramsFromBody(body)));
  if (third !== undefined) return recordRoute({ store, call, table, recordId: third, body });
  switch (call.method) {
    case 'GET':
      return ok(list(table.records, paramsFromQuery(call.query)));
    case 'POST': {
      if (Array.isArray(body.records)) return ok({ records: store.create(table, (body.records as Body[]).map((r) => (r.fields ?? {}) as Body)).map(shape) });
      return ok(shape(store.create(table, [(body.fields ?? {}) as Body])[0]!));
    }
    case 'PATCH':
    case 'PUT':
      return ok({ records: store.update(table, (body.records ?? []) as Array<{ id: string; fields: Body }>, call.method === 'PUT').map(shape) });
    case 'DELETE':
      return ok({ records: store.delete(table, call.query.getAll('records[]')) });
    default:
      throw notFound();
  }
}

function recordRoute(input: { store: PeerStore; call: PeerCall; table: ReturnType<PeerStore['table']>; recordId: string; body: Body }): Answer {
  const { store, call, table, recordId, body } = input;
  const record = table.records.get(recordId);
  if (!record) throw new PeerFailure(404, 'MODEL_ID_NOT_FOUND', 'Record not found');
  if (call.method === 'GET') return ok(shape(record));
  if (call.method === 'DELETE') return ok(store.delete(table, [recordId])[0]);
  const fields = (body.fields ?? {}) as Body;
  return ok(shape(store.update(table, [{ id: recordId, fields }], call.method === 'PUT')[0]!));
}

interface ListParams {
  pageSize: number;
  offset: number;
  maxRecords: number;
}

function list(records: Map<string, PeerRecord>, params: ListParams): Body {
  const all = [...records.values()].slice(0, params.maxRecords);
  const page = all.slice(params.offset, params.offset + params.pageSize);
  const next = params.offset + params.pageSize;
  return next < all.length ? { records: page.map(shape), offset: `itr${next}/rec` } : { records: page.map(shape) };
}

function paramsFromQuery(query: URLSearchParams): ListParams {
  return normalise(query.get('pageSize'), query.get('offset'), query.get('maxRecords'));
}

function paramsFromBody(body: Body): ListParams {
  const text = (value: unknown) =>
    typeof value === 'number' || typeof value === 'string' ? String(value) : null;
  return normalise(text(body.pageSize), text(body.offset), text(body.maxRecords));
}

function normalise(pageSize: string | null, offset: string | null, maxRecords: string | null): ListParams {
  const size = pageSize === null ? 100 : Number(pageSize);
  if (!Number.isInteger(size) || size < 1 || size > 100) throw new PeerFailure(422, 'INVALID_PAGE_SIZE', 'pageSize must be 1 to 100');
  const match = offset ? /^itr(\d+)\//.exec(offset) : null;
  if (offset && !match) throw new PeerFailure(422, 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE', '');
  return { pageSize: size, offset: match ? Number(match[1]) : 0, maxRecords: maxRecords === null ? Infinity : Number(maxRecords) };
}

const shape = (record: PeerRecord) => ({ id: record.id, createdTime: record.createdTime, fields: { ...record.fields } });
const ok = (body: unknown): Answer => ({ status: 200, body });
const notFound = () => new PeerFailure(404, 'NOT_FOUND', 'Could not find what you are looking for');
