import { AppError, isId } from '@tableport/contracts';
import type { Context, Hono, Next } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import type { Caller, DataService } from '../data.service';
import { jsonBody } from './v0.body';
import { listFromBody, listFromQuery } from './v0.list';
import { arrayParam, booleanValue, queryOf } from './v0.query';
import { createInput, deleteInput, updateInput, upsertInput, writeFlags } from './v0.writes';

type Handler = (c: Context<AppEnv>, target: { baseId: string; tableIdOrName: string }) => Promise<Response>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** The caller of a /v0 request (the auth middleware has already refused anonymous ones). */
export const v0Caller = (c: Context<AppEnv>): Caller => ({ principal: c.get('principal'), channel: 'v0' });

/** Registers a route with and without a trailing slash; paths whose first segment is not a base id fall through. */
export function route(app: Hono<AppEnv>, method: Method, path: string, handler: Handler): void {
  const wrapped = async (c: Context<AppEnv>, next: Next) => {
    const baseId = c.req.param('baseId') ?? '';
    if (!baseId.startsWith('app')) return next();
    return handler(c, { baseId, tableIdOrName: c.req.param('table') ?? '' });
  };
  app[method](path, wrapped);
  app[method](`${path}/`, wrapped);
}

const written = (c: Context<AppEnv>, changeSetId: string | null, body: object) => {
  if (changeSetId) c.header('x-tableport-change-set', changeSetId);
  return c.json(body);
};

function singleRecord(recordId: string): string {
  if (!isId(recordId, 'rec')) throw new AppError({ code: 'record.not_found', message: 'Record not found', details: { recordId } });
  return recordId;
}

// Single-record routes answer 404 MODEL_ID_NOT_FOUND where batch routes answer 422 ROW_DOES_NOT_EXIST.
async function asSingle<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (AppError.isInstance(error) && error.code === 'record.row_not_found' && error.details?.recordId !== undefined) {
      throw new AppError({ code: 'record.not_found', message: 'Record not found', details: error.details, cause: error });
    }
    throw error;
  }
}

/** The records API: list (GET and POST listRecords), get, create, update/replace/upsert, delete. */
export function recordRoutes(app: Hono<AppEnv>, service: DataService): void {
  route(app, 'get', '/:baseId/:table', async (c, target) =>
    c.json(await service.listRecords({ caller: v0Caller(c), ...target, ...listFromQuery(queryOf(c.req.url)) })),
  );
  route(app, 'post', '/:baseId/:table/listRecords', async (c, target) => {
    const params = listFromBody(await jsonBody(c), queryOf(c.req.url));
    return c.json(await service.listRecords({ caller: v0Caller(c), ...target, ...params }));
  });
  route(app, 'post', '/:baseId/:table', async (c, target) => {
    const body = await jsonBody(c);
    const input = createInput(body);
    const result = await service.createRecords({ caller: v0Caller(c), ...target, records: input.records, ...writeFlags(body) });
    return written(c, result.changeSetId, input.single ? result.records[0]! : { records: result.records });
  });
  for (const method of ['patch', 'put'] as const) {
    const mode = method === 'put' ? 'replace' : 'merge';
    route(app, method, '/:baseId/:table', async (c, target) => {
      const body = await jsonBody(c);
      const fieldsToMergeOn = upsertInput(body);
      const records = updateInput(body, { upsert: fieldsToMergeOn !== undefined });
      const caller = v0Caller(c);
      if (fieldsToMergeOn) {
        const { changeSetId, ...result } = await service.upsertRecords({ caller, ...target, records, fieldsToMergeOn, mode, ...writeFlags(body) });
        return written(c, changeSetId, result);
      }
      const ids = records as { id: string; fields: Record<string, unknown> }[];
      const result = await service.updateRecords({ caller, ...target, records: ids, mode, ...writeFlags(body) });
      return written(c, result.changeSetId, { records: result.records });
    });
    route(app, method, '/:baseId/:table/:recordId', async (c, target) => {
      const recordId = singleRecord(c.req.param('recordId')!);
      const body = await jsonBody(c);
      if (body.fields === undefined || body.fields === null || typeof body.fields !== 'object' || Array.isArray(body.fields)) {
        throw new AppError({ code: 'records.missing_fields', message: 'Could not find field "fields" in the request body' });
      }
      const fields = body.fields as Record<string, unknown>;
      const result = await asSingle(() =>
        service.updateRecords({ caller: v0Caller(c), ...target, records: [{ id: recordId, fields }], mode, ...writeFlags(body) }),
      );
      return written(c, result.changeSetId, result.records[0]!);
    });
  }
  route(app, 'get', '/:baseId/:table/:recordId', async (c, target) => {
    const query = queryOf(c.req.url);
    const listish = listFromQuery(query);
    const recordId = singleRecord(c.req.param('recordId')!);
    const record = await service.getRecord({
      caller: v0Caller(c),
      ...target,
      recordId,
      ...(listish.cellFormat ? { cellFormat: listish.cellFormat } : {}),
      ...(listish.timeZone ? { timeZone: listish.timeZone } : {}),
      ...(listish.userLocale ? { userLocale: listish.userLocale } : {}),
      returnFieldsByFieldId: booleanValue(query.get('returnFieldsByFieldId'), 'returnFieldsByFieldId') ?? false,
    });
    return c.json(record);
  });
  route(app, 'delete', '/:baseId/:table', async (c, target) => {
    const recordIds = deleteInput(arrayParam(queryOf(c.req.url), 'records'));
    const result = await service.deleteRecords({ caller: v0Caller(c), ...target, recordIds });
    return written(c, result.changeSetId, { records: result.records });
  });
  route(app, 'delete', '/:baseId/:table/:recordId', async (c, target) => {
    const recordId = singleRecord(c.req.param('recordId')!);
    const result = await asSingle(() => service.deleteRecords({ caller: v0Caller(c), ...target, recordIds: [recordId] }));
    return written(c, result.changeSetId, result.records[0]!);
  });
}
