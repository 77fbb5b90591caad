import { AppError } from '@tableport/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  peerClient,
  startAirtablePeer,
  TEST_TOKEN,
  type AirtablePeer,
  type PeerReply,
} from '../test/airtable-peer';
import type { AirtableClient } from './airtable.client';
import type { AirtableRequest } from './http.types';

let peer: AirtablePeer;
let client: AirtableClient;
const ref = { baseId: 'appBase0000000001', tableIdOrName: 'Tasks', recordId: 'recMissing0000001' };

beforeAll(async () => {
  peer = await startAirtablePeer();
  client = peerClient(peer);
});
afterAll(() => peer.close());
beforeEach(() => peer.reset());

async function failure(reply: PeerReply, call = () => client.records.get(ref)): Promise<AppError> {
  peer.reply(reply);
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!AppError.isInstance(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(TEST_TOKEN);
  return error;
}

describe('error envelopes and codes', () => {
  it('reads the object envelope: type, message and status go into details', async () => {
    const error = await failure({
      status: 404,
      json: { error: { type: 'MODEL_ID_NOT_FOUND', message: 'Record not found' } },
    });
    expect(error.code).toBe('airtable.not_found');
    expect(error.details).toEqual({
      status: 404,
      airtableType: 'MODEL_ID_NOT_FOUND',
      airtableMessage: 'Record not found',
    });
    expect(error.message).toBe('Airtable answered 404 MODEL_ID_NOT_FOUND: Record not found');
  });

  it('reads the bare string envelope {"error":"NOT_FOUND"}', async () => {
    const error = await failure({ status: 404, json: { error: 'NOT_FOUND' } });
    expect(error.code).toBe('airtable.not_found');
    expect(error.details).toEqual({ status: 404, airtableType: 'NOT_FOUND' });
  });

  it.each([
    [401, 'AUTHENTICATION_REQUIRED', 'airtable.auth_failed'],
    [403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', 'airtable.forbidden_or_not_found'],
    [403, 'INVALID_PERMISSIONS', 'airtable.forbidden'],
    [422, 'INVALID_FILTER_BY_FORMULA', 'airtable.invalid_request'],
    [400, 'INVALID_REQUEST_UNKNOWN', 'airtable.invalid_request'],
    [413, 'REQUEST_TOO_LARGE', 'airtable.invalid_request'],
    [429, 'RATE_LIMIT_REACHED', 'airtable.rate_limited'],
    [429, 'PUBLIC_API_BILLING_LIMIT_EXCEEDED', 'airtable.quota_exceeded'],
    [500, 'SERVER_ERROR', 'airtable.server_error'],
    [503, 'RETRIABLE_ERROR', 'airtable.server_error'],
  ])('maps %i %s to %s', async (status, type, code) => {
    const error = await failure({ status, json: { error: { type, message: 'm' } } });
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ status, airtableType: type });
  });

  it('marks rate limits and server errors retryable, with Retry-After in ms', async () => {
    const limited = await failure({
      status: 429,
      json: { error: { type: 'RATE_LIMIT_REACHED' } },
      headers: { 'retry-after': '30' },
    });
    expect(limited.retryable).toBe(true);
    expect(limited.details).toEqual({
      status: 429,
      airtableType: 'RATE_LIMIT_REACHED',
      retryAfterMs: 30_000,
    });
    const unavailable = await failure({
      status: 503,
      text: '<html>down</html>',
      headers: { 'retry-after': '2' },
    });
    expect(unavailable.code).toBe('airtable.server_error');
    expect(unavailable.retryable).toBe(true);
    expect(unavailable.details).toEqual({ status: 503, retryAfterMs: 2000 });
  });

  it('keeps an error answer without an envelope as its status code', async () => {
    const error = await failure({ status: 422, json: { unexpected: true } });
    expect(error.code).toBe('airtable.invalid_request');
    expect(error.details).toEqual({ status: 422 });
  });

  it('never repeats the token, even when Airtable echoes it', async () => {
    const error = await failure({
      status: 401,
      json: { error: { type: 'AUTHENTICATION_REQUIRED', message: `bad ${TEST_TOKEN}` } },
    });
    expect(error.details?.airtableMessage).toBe('bad [redacted]');
  });

  it('treats a redirect as an invalid response and does not follow it', async () => {
    const error = await failure({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    expect(error.code).toBe('airtable.invalid_response');
    expect(peer.requests).toHaveLength(1);
  });
});

describe('invalid responses', () => {
  it('rejects a 200 body that is not JSON', async () => {
    const error = await failure({ text: '<html>proxy</html>' });
    expect(error.code).toBe('airtable.invalid_response');
    expect(error.details).toMatchObject({ status: 200, contentType: 'text/html' });
  });

  it('rejects a 200 body that lacks the minimal shape, naming the path', async () => {
    const error = await failure({ json: { id: 'recA', fields: {} } });
    expect(error.code).toBe('airtable.invalid_response');
    expect(error.details).toMatchObject({ status: 200, issues: [{ path: 'createdTime' }] });
  });

  it('rejects a JSON array where an object is expected', async () => {
    expect((await failure({ json: [] })).code).toBe('airtable.invalid_response');
  });

  it('accepts an empty 200 body where no answer is needed', async () => {
    peer.reply({ text: '' });
    await expect(client.webhooks.delete({ baseId: 'appB', webhookId: 'achW' })).resolves.toBeUndefined();
  });
});

describe('timeouts, aborts and network failures', () => {
  it('times out with airtable.timeout (per-request timeoutMs)', async () => {
    const error = await failure('hang', () => client.records.get({ ...ref, timeoutMs: 50 }));
    expect(error.code).toBe('airtable.timeout');
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ timeoutMs: 50 });
  });

  it('uses the client-wide timeoutMs by default', async () => {
    const quick = peerClient(peer, { timeoutMs: 50 });
    expect((await failure('hang', () => quick.records.get(ref))).code).toBe('airtable.timeout');
  });

  it('stops with airtable.aborted when the caller aborts mid-flight, keeping the reason as cause', async () => {
    const controller = new AbortController();
    const reason = new Error('user went away');
    const error = await failure('hang', () => {
      const pending = client.records.get({ ...ref, signal: controller.signal });
      setTimeout(() => controller.abort(reason), 20);
      return pending;
    });
    expect(error.code).toBe('airtable.aborted');
    expect(error.cause).toBe(reason);
  });

  it('does not send anything when the signal is already aborted', async () => {
    const error = await failure({ json: {} }, () =>
      client.records.get({ ...ref, signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('airtable.aborted');
    expect(peer.requests).toHaveLength(0);
  });

  it('reports an unreachable host as airtable.network', async () => {
    const closed = await startAirtablePeer();
    await closed.close();
    const unreachable = peerClient(closed);
    const error = await unreachable.records.get(ref).catch((caught: unknown) => caught);
    expect(AppError.isInstance(error) && error.code).toBe('airtable.network');
    expect((error as AppError).retryable).toBe(true);
  });
});

describe('the request primitive', () => {
  it('goes through the injected fetch', async () => {
    const urls: string[] = [];
    const fetching: typeof fetch = (input, init) => {
      urls.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    };
    peer.reply({ json: { id: 'usrMe' } });
    await peerClient(peer, { fetch: fetching }).meta.whoami();
    expect(urls).toEqual([`${peer.url}/v0/meta/whoami`]);
  });

  it('lets an interceptor see every call before it is sent, and answer in its place', async () => {
    const seen: AirtableRequest[] = [];
    const intercepted = peerClient(peer, {
      intercept: async (request, next) => {
        seen.push(request);
        if (request.operation === 'meta.whoami')
          return { status: 200, headers: new Headers(), body: { id: 'usrCached' } };
        return next(request);
      },
    });
    peer.reply({ json: { records: [] } });
    await intercepted.records.deleteMany({ ...ref, recordIds: ['recA'] }).catch(() => undefined);
    expect(await intercepted.meta.whoami()).toEqual({ id: 'usrCached' });
    expect(
      seen.map(({ operation, method, baseId, idempotent }) => ({ operation, method, baseId, idempotent })),
    ).toEqual([
      { operation: 'records.delete', method: 'DELETE', baseId: 'appBase0000000001', idempotent: true },
      { operation: 'meta.whoami', method: 'GET', baseId: undefined, idempotent: true },
    ]);
    expect(peer.requests).toHaveLength(1);
  });

  it('sends unlisted endpoints through client.request and maps their errors the same way', async () => {
    peer.reply({ status: 404, json: { error: 'NOT_FOUND' } });
    const error = await client
      .request({
        operation: 'views.delete',
        method: 'DELETE',
        path: '/v0/meta/bases/appB/views/viwX',
        idempotent: true,
      })
      .catch((caught: unknown) => caught);
    expect(AppError.isInstance(error) && error.code).toBe('airtable.not_found');
    expect(peer.only().path).toBe('/v0/meta/bases/appB/views/viwX');
  });

  it('refuses invalid options without echoing the token', async () => {
    const { createAirtableClient } = await import('./airtable.client');
    const error = (() => {
      try {
        createAirtableClient({ token: TEST_TOKEN, endpointUrl: 'not a url', timeoutMs: -1 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(AppError.isInstance(error) && error.code).toBe('config.invalid');
    expect((error as AppError).message).toBe('Invalid Airtable client options: endpointUrl, timeoutMs');
  });

  it('refuses a token that could not travel in a header, without echoing it', async () => {
    const { createAirtableClient } = await import('./airtable.client');
    expect(() => createAirtableClient({ token: 'pat\nsecret' })).toThrow(
      'Invalid Airtable client options: token',
    );
  });

  it("passes through an AppError thrown by the injected fetch (the outbound guard's refusal)", async () => {
    const refusal = new AppError({ code: 'auth.forbidden', message: 'blocked by the outbound guard' });
    const guarded: typeof fetch = async () => {
      throw refusal;
    };
    const error = await failure({ json: {} }, () => peerClient(peer, { fetch: guarded }).records.get(ref));
    expect(error).toBe(refusal);
  });

  it('removes the token from a network error message should fetch echo it', async () => {
    const echoing: typeof fetch = async () => {
      throw new TypeError(`bad header "Bearer ${TEST_TOKEN}"`);
    };
    const error = await failure({ json: {} }, () => peerClient(peer, { fetch: echoing }).records.get(ref));
    expect(error.code).toBe('airtable.network');
    expect(error.message).toContain('[redacted]');
  });
});
