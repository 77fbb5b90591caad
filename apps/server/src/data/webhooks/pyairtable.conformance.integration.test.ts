import { verifyWebhookMac } from '@tableport/airtable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../test/v0.harness';
import { eventually, startPingReceiver } from './webhooks.test-peer';

// pyairtable 3.4.2's wire forms for comments and webhooks (shared/airtable-api.md §6.2), replayed
// byte for byte with direct HTTP (pyairtable cannot be installed here), and the answers checked
// against what its pydantic models require.
let server: V0Server;
let receiver: Awaited<ReturnType<typeof startPingReceiver>>;
let baseId: string;
let recordId: string;

/** A request as python-requests sends it: its default headers, JSON only when there is a body. */
async function py(method: string, path: string, json?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${server.url}/v0/${path}`, {
    method,
    headers: {
      'User-Agent': 'python-requests/2.32.3',
      'Accept-Encoding': 'gzip, deflate',
      Accept: '*/*',
      Authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** pyairtable's Comment model: id, text, createdTime, author {id, email?, name?}; lastUpdatedTime optional. */
function expectComment(comment: Json) {
  expect(comment).toMatchObject({ id: expect.stringMatching(/^com/), text: expect.any(String), createdTime: expect.any(String), author: { id: expect.any(String) } });
}

beforeAll(async () => {
  server = await startV0Server({ env: { TABLEPORT_OUTBOUND_ALLOW: '127.0.0.1' } });
  receiver = await startPingReceiver();
  const base = await server.createBase([{ name: 'My Table', fields: [{ name: 'Name', type: 'singleLineText' }] }]);
  baseId = base.id;
  recordId = (await server.call('POST', `/v0/${baseId}/My%20Table`, { fields: { Name: 'x' } })).body.id as string;
});
afterAll(async () => {
  receiver?.close();
  await server?.stop();
});

describe('pyairtable wire forms', () => {
  it('comments: add_comment, comments(), Comment.save() and .delete()', async () => {
    const url = `${baseId}/My%20Table/${recordId}/comments`;
    const added = await py('POST', url, { text: 'Hello, @[usrAAAAAAAAAAAAAA]!' });
    expect(added.status).toBe(200);
    expectComment(added.body);
    const listed = await py('GET', url);
    expect(listed.body).toMatchObject({ comments: [{ id: added.body.id }], offset: null });
    for (const comment of listed.body.comments as Json[]) expectComment(comment);
    const saved = await py('PATCH', `${url}/${added.body.id}`, { text: 'Edited' });
    expect(saved.body).toMatchObject({ id: added.body.id, text: 'Edited', lastUpdatedTime: expect.any(String) });
    expect((await py('DELETE', `${url}/${added.body.id}`)).body).toEqual({ id: added.body.id, deleted: true });
  });

  it('webhooks: add_webhook, webhooks(), payloads(cursor), refresh, enable_notifications, delete, and a verifiable ping', async () => {
    const spec = { options: { filters: { dataTypes: ['tableData'], recordChangeScope: (await py('GET', `meta/bases/${baseId}/tables`)).body.tables[0].id } } };
    const created = await py('POST', `bases/${baseId}/webhooks`, { notificationUrl: receiver.url, specification: spec });
    expect(Object.keys(created.body).sort()).toEqual(['expirationTime', 'id', 'macSecretBase64']);
    const hookId = created.body.id as string;
    const listed = await py('GET', `bases/${baseId}/webhooks`);
    expect(listed.body.webhooks[0]).toMatchObject({
      id: hookId,
      areNotificationsEnabled: true,
      cursorForNextPayload: 1,
      isHookEnabled: true,
      lastSuccessfulNotificationTime: null,
      notificationUrl: receiver.url,
      lastNotificationResult: null,
      expirationTime: created.body.expirationTime,
      specification: spec,
    });

    for (const name of ['a', 'b', 'c']) await py('POST', `${baseId}/My%20Table`, { fields: { Name: name }, typecast: false, returnFieldsByFieldId: false });
    // Webhook.payloads(cursor=1, limit=2): next request with the answer's cursor while mightHaveMore.
    const first = await py('GET', `bases/${baseId}/webhooks/${hookId}/payloads?cursor=1&limit=2`);
    expect(first.body).toMatchObject({ cursor: 3, mightHaveMore: true });
    const second = await py('GET', `bases/${baseId}/webhooks/${hookId}/payloads?cursor=${first.body.cursor}&limit=2`);
    expect(second.body).toMatchObject({ cursor: 4, mightHaveMore: false });
    expect([...first.body.payloads, ...second.body.payloads].map((payload: Json): unknown => payload.baseTransactionNumber)).toHaveLength(3);

    const ping = await eventually(async () => receiver.pings[0]);
    expect(verifyWebhookMac({ macSecretBase64: created.body.macSecretBase64, body: ping!.body, header: ping!.mac })).toBe(true);

    // Webhook.extend_expiration(): POST with no body and no content type.
    const refreshed = await py('POST', `bases/${baseId}/webhooks/${hookId}/refresh`);
    expect([refreshed.status, Object.keys(refreshed.body)]).toEqual([200, ['expirationTime']]);
    expect((await py('POST', `bases/${baseId}/webhooks/${hookId}/enableNotifications`, { enable: false })).body).toEqual({});
    expect((await py('DELETE', `bases/${baseId}/webhooks/${hookId}`)).body).toEqual({});
    expect((await py('GET', `bases/${baseId}/webhooks`)).body).toEqual({ webhooks: [] });
  });

  it('error bodies: Airtable types and the bare NOT_FOUND of unknown routes', async () => {
    expect((await py('GET', `bases/${baseId}/webhooks/achAAAAAAAAAAAAAA/payloads`)).body).toEqual({ error: { type: 'MODEL_ID_NOT_FOUND', message: expect.any(String) } });
    expect((await py('DELETE', `${baseId}/My%20Table/${recordId}/comments/comAAAAAAAAAAAAAA`)).body.error.type).toBe('MODEL_ID_NOT_FOUND');
    expect((await py('POST', `bases/${baseId}/webhooks`, { specification: { options: { filters: { dataTypes: ['nope'] } } } })).body.error.type).toBe('INVALID_REQUEST_UNKNOWN');
    expect(await py('GET', `bases/${baseId}/webhooks/achAAAAAAAAAAAAAA/nothing`)).toEqual({ status: 404, body: { error: 'NOT_FOUND' } });
    const anonymous = await fetch(`${server.url}/v0/bases/${baseId}/webhooks`);
    expect([anonymous.status, await anonymous.json()]).toEqual([401, { error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } }]);
  });
});
