import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { peerClient, startAirtablePeer, type AirtablePeer } from '../test/airtable-peer';
import type { AirtableClient } from './airtable.client';

let peer: AirtablePeer;
let client: AirtableClient;
const hook = { baseId: 'appB', webhookId: 'achW' };
const wire = () => peer.requests.map((sent) => [sent.method, sent.path, sent.query, sent.body]);

beforeAll(async () => {
  peer = await startAirtablePeer();
  client = peerClient(peer);
});
afterAll(() => peer.close());
beforeEach(() => peer.reset());

describe('webhooks', () => {
  it('creates a webhook with its specification', async () => {
    const created = { id: 'achW', macSecretBase64: 'c2VjcmV0', expirationTime: '2024-01-09T00:00:00.000Z' };
    peer.reply({ json: created });
    const specification = {
      options: {
        filters: { dataTypes: ['tableData' as const], recordChangeScope: 'tblT' },
        includes: { includeCellValuesInFieldIds: 'all' as const },
      },
    };
    expect(
      await client.webhooks.create({
        baseId: 'appB',
        notificationUrl: 'https://hooks.example/x',
        specification,
      }),
    ).toEqual(created);
    expect(wire()).toEqual([
      [
        'POST',
        '/v0/bases/appB/webhooks',
        '',
        '{"notificationUrl":"https://hooks.example/x","specification":{"options":{"filters":{"dataTypes":["tableData"],"recordChangeScope":"tblT"},"includes":{"includeCellValuesInFieldIds":"all"}}}}',
      ],
    ]);
  });

  it('lists webhooks', async () => {
    const listed = {
      id: 'achW',
      areNotificationsEnabled: true,
      isHookEnabled: true,
      cursorForNextPayload: 3,
      notificationUrl: null,
      expirationTime: null,
      lastSuccessfulNotificationTime: null,
      lastNotificationResult: { success: false, error: { message: 'boom' }, willBeRetried: true },
      specification: { options: { filters: { dataTypes: ['tableFields'] } } },
    };
    peer.reply({ json: { webhooks: [listed] } });
    expect(await client.webhooks.list({ baseId: 'appB' })).toEqual([listed]);
    expect(wire()).toEqual([['GET', '/v0/bases/appB/webhooks', '', '']]);
  });

  it('deletes, toggles notifications and refreshes', async () => {
    peer.reply({ json: {} }, { json: {} }, { json: { expirationTime: '2024-01-16T00:00:00.000Z' } });
    await client.webhooks.delete(hook);
    await client.webhooks.enableNotifications({ ...hook, enable: false });
    expect(await client.webhooks.refresh(hook)).toEqual({ expirationTime: '2024-01-16T00:00:00.000Z' });
    expect(wire()).toEqual([
      ['DELETE', '/v0/bases/appB/webhooks/achW', '', ''],
      ['POST', '/v0/bases/appB/webhooks/achW/enableNotifications', '', '{"enable":false}'],
      ['POST', '/v0/bases/appB/webhooks/achW/refresh', '', ''],
    ]);
    expect(peer.requests[2]!.headers['content-type']).toBeUndefined();
  });

  it('lists payloads by cursor, including error payloads', async () => {
    const payload = {
      timestamp: '2024-01-02T03:04:05.000Z',
      baseTransactionNumber: 4,
      payloadFormat: 'v0',
      actionMetadata: { source: 'publicApi', sourceMetadata: { user: { id: 'usrU' } } },
      changedTablesById: {
        tblT: { changedRecordsById: { recR: { current: { cellValuesByFieldId: { fldF: 'x' } } } } },
      },
    };
    peer.reply({
      json: { cursor: 5, mightHaveMore: true, payloads: [payload, { error: true, code: 'INVALID_HOOK' }] },
    });
    const page = await client.webhooks.listPayloads({ ...hook, cursor: 3, limit: 2 });
    expect(page).toEqual({
      cursor: 5,
      mightHaveMore: true,
      payloads: [payload, { error: true, code: 'INVALID_HOOK' }],
    });
    expect(wire()).toEqual([['GET', '/v0/bases/appB/webhooks/achW/payloads', 'cursor=3&limit=2', '']]);
  });
});
