import type { AirtableRequest } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import { batchRequest, splitAnswer } from './merge.batch';
import { mergeCandidate } from './merge.plan';

const write = (overrides: Partial<AirtableRequest>): AirtableRequest => ({
  operation: 'records.create',
  method: 'POST',
  path: '/v0/appA/My%20Table',
  baseId: 'appA',
  idempotent: false,
  body: { fields: { Name: 'a' } },
  ...overrides,
});

describe('mergeCandidate', () => {
  it('recognises the single-record wire forms the client sends', () => {
    expect(mergeCandidate(write({}))).toMatchObject({ kind: 'create', tablePath: '/v0/appA/My%20Table', fields: { Name: 'a' } });
    const update = write({ operation: 'records.update', method: 'PATCH', path: '/v0/appA/My%20Table/recX', body: { fields: {}, typecast: true } });
    expect(mergeCandidate(update)).toMatchObject({ kind: 'update', recordId: 'recX', options: { typecast: true } });
    const remove = write({ operation: 'records.delete', method: 'DELETE', path: '/v0/appA/My%20Table/recX', body: undefined });
    expect(mergeCandidate(remove)).toMatchObject({ kind: 'delete', recordId: 'recX' });
  });

  it('keys by table, kind and options, so only compatible writes share a request', () => {
    const plain = mergeCandidate(write({}))!;
    const typecast = mergeCandidate(write({ body: { fields: {}, typecast: true } }))!;
    expect(plain.key).not.toBe(typecast.key);
    expect(mergeCandidate(write({ path: '/v0/appA/Other' }))!.key).not.toBe(plain.key);
  });

  it('leaves batches, upserts, queries and unknown body keys alone', () => {
    expect(mergeCandidate(write({ body: { records: [{ fields: {} }] } }))).toBeUndefined();
    expect(mergeCandidate(write({ body: { fields: {}, performUpsert: {} } }))).toBeUndefined();
    expect(mergeCandidate(write({ query: [['x', 'y']] }))).toBeUndefined();
    expect(mergeCandidate(write({ operation: 'records.upsert', method: 'PATCH' }))).toBeUndefined();
    expect(mergeCandidate(write({ host: 'content' }))).toBeUndefined();
  });
});

describe('batchRequest and splitAnswer', () => {
  const candidates = ['recA', 'recB'].map((id) =>
    mergeCandidate(write({ operation: 'records.update', method: 'PATCH', path: `/v0/appA/T/${id}`, body: { fields: { N: id } }, timeoutMs: id === 'recA' ? 10 : 20 }))!,
  );
  const items = candidates.map((candidate) => ({ candidate, request: write({ timeoutMs: candidate.recordId === 'recA' ? 10 : 20 }) }));

  it('builds one batch request in Airtable’s form', () => {
    expect(batchRequest(items)).toMatchObject({
      operation: 'records.update',
      method: 'PATCH',
      path: '/v0/appA/T',
      idempotent: true,
      timeoutMs: 20,
      body: { records: [{ id: 'recA', fields: { N: 'recA' } }, { id: 'recB', fields: { N: 'recB' } }] },
    });
  });

  it('routes updates by id and flags a record missing from the answer', () => {
    const response = { status: 200, headers: new Headers(), body: { records: [{ id: 'recB', fields: {} }] } };
    const [first, second] = splitAnswer({ candidates, response });
    expect(AppError.isInstance(first) && first.code).toBe('airtable.invalid_response');
    expect(AppError.isInstance(second) ? undefined : second?.body).toEqual({ id: 'recB', fields: {} });
  });

  it('routes creates by position, and refuses an answer of the wrong length', () => {
    const creates = [mergeCandidate(write({}))!, mergeCandidate(write({}))!];
    const response = { status: 200, headers: new Headers(), body: { records: [{ id: 'rec1' }] } };
    expect(splitAnswer({ candidates: creates, response }).every((answer) => AppError.isInstance(answer))).toBe(true);
  });
});
