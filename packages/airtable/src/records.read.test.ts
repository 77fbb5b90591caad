import { describe, expect, it } from 'vitest';
import { encodeQuery, v0Path } from './http.query';
import { listRequest, MAX_LIST_URL_LENGTH } from './records.read';

const table = { baseId: 'appBase0000000001', tableIdOrName: 'Tasks' };

// The path plus `?` plus the encoded query of a formula made of `length` letters.
function urlLength(length: number): number {
  const query = encodeQuery([['filterByFormula', 'x'.repeat(length)]]);
  return v0Path(table.baseId, table.tableIdOrName).length + 1 + query.length;
}

describe('listRequest', () => {
  it('stays GET up to the URL limit and switches to POST listRecords one character past it', () => {
    const fits = MAX_LIST_URL_LENGTH - urlLength(0);
    expect(urlLength(fits)).toBe(MAX_LIST_URL_LENGTH);
    const atLimit = listRequest({ ...table, filterByFormula: 'x'.repeat(fits) });
    const pastLimit = listRequest({ ...table, filterByFormula: 'x'.repeat(fits + 1) });
    expect([atLimit.method, atLimit.path]).toEqual(['GET', '/v0/appBase0000000001/Tasks']);
    expect([pastLimit.method, pastLimit.path]).toEqual(['POST', '/v0/appBase0000000001/Tasks/listRecords']);
    expect(pastLimit.body).toEqual({ filterByFormula: 'x'.repeat(fits + 1) });
  });

  it('describes the call for a scheduler: operation, base, idempotent', () => {
    const request = listRequest({ ...table, pageSize: 10 });
    expect(request).toMatchObject({
      operation: 'records.list',
      baseId: 'appBase0000000001',
      idempotent: true,
    });
  });
});
