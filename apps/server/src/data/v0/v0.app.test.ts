import { AppError } from '@tableport/contracts';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../gateway/error-handler';
import type { AppEnv } from '../../gateway/gateway.types';
import { airtableError, handleV0Error } from './v0.errors';
import { arrayParam, booleanValue, queryOf, sortParam } from './v0.query';

describe('/v0 error routing', () => {
  it('Hono sends a sub-app’s errors to the sub-app’s onError, other errors to the root’s', async () => {
    const root = new Hono<AppEnv>();
    root.onError(handleError);
    const v0 = new Hono<AppEnv>();
    v0.onError(handleV0Error);
    v0.get('/boom', () => {
      throw new AppError({ code: 'record.not_found', message: 'Record not found' });
    });
    root.route('/v0', v0);
    root.get('/api/boom', () => {
      throw new AppError({ code: 'record.not_found', message: 'Record not found' });
    });
    const fromV0 = await root.request('/v0/boom');
    expect([fromV0.status, await fromV0.json()]).toEqual([404, { error: { type: 'MODEL_ID_NOT_FOUND', message: 'Record not found' } }]);
    const fromApi = await root.request('/api/boom');
    expect(((await fromApi.json()) as { error: { code: string } }).error.code).toBe('record.not_found');
  });

  it('maps codes to Airtable types and statuses; bugs never leak their message', () => {
    expect(airtableError(new AppError({ code: 'table.not_found', message: 'x' }))).toEqual({
      status: 403,
      body: { error: { type: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', message: expect.stringMatching(/^Invalid permissions, or the requested model was not found/) } },
    });
    expect(airtableError(new AppError({ code: 'internal.unexpected', message: 'secret detail' })).body.error).toEqual({ type: 'SERVER_ERROR', message: 'Unexpected error' });
    expect(airtableError(new AppError({ code: 'formula.syntax', message: 'bad' })).body.error.type).toBe('INVALID_FILTER_BY_FORMULA');
  });
});

describe('/v0 query parsing (airtable-api.md §1.5)', () => {
  it('decodes + as a space and reads bracket, indexed and repeated arrays', () => {
    const query = queryOf('/x?filterByFormula=%7BName%7D+%3D+%27a+b%27&fields%5B%5D=A&fields%5B%5D=B&f[1]=y&f[0]=x&r=1&r=2');
    expect(query.get('filterByFormula')).toBe("{Name} = 'a b'");
    expect(arrayParam(query, 'fields')).toEqual(['A', 'B']);
    expect(arrayParam(query, 'f')).toEqual(['x', 'y']);
    expect(arrayParam(query, 'r')).toEqual(['1', '2']);
    expect(arrayParam(query, 'none')).toBeUndefined();
  });

  it('reads sorts by index whatever the key order', () => {
    const query = queryOf('/x?sort[1][field]=B&sort[0][direction]=desc&sort[0][field]=A');
    expect(sortParam(query)).toEqual([{ field: 'A', direction: 'desc' }, { field: 'B' }]);
  });

  it('reads booleans as true/false and 1/0', () => {
    expect([booleanValue('true', 'x'), booleanValue('1', 'x'), booleanValue('false', 'x'), booleanValue('0', 'x'), booleanValue(undefined, 'x')]).toEqual([true, true, false, false, undefined]);
    expect(() => booleanValue('yes', 'x')).toThrow(/true or false/);
  });
});
