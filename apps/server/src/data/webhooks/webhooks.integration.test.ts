import { verifyWebhookMac } from '@tableport/airtable';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../test/v0.harness';
import { eventually, startPingReceiver } from './webhooks.test-peer';

// Webhooks over /v0 in pyairtable's wire forms (shared/airtable-api.md §4.1, §6.2).
let server: V0Server;
let receiver: Awaited<ReturnType<typeof startPingReceiver>>;
let baseId: string;
let tasks: Json;
let people: Json;
const hooks = () => `/v0/bases/${baseId}/webhooks`;
const spec = (filters: Json, includes?: Json) => ({ specification: { options: { filters, ...(includes ? { includes } : {}) } } });
const field = (table: Json, name: string) => (table.fields as Json[]).find((candidate) => candidate.name === name).id as string;

async function payloads(webhookId: string, cursor = 1, limit?: number): Promise<Json> {
  const response = await server.call('GET', `${hooks()}/${webhookId}/payloads?cursor=${cursor}${limit ? `&limit=${limit}` : ''}`);
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  server = await startV0Server({ env: { TABLEPORT_OUTBOUND_ALLOW: '127.0.0.1' } });
  receiver = await startPingReceiver();
  const base = await server.createBase([
    {
      name: 'Tasks',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Todo', color: 'redBright' }, { name: 'Done' }] } },
        { name: 'Points', type: 'number', options: { precision: 0 } },
      ],
    },
    { name: 'People', fields: [{ name: 'Name', type: 'singleLineText' }] },
  ]);
  baseId = base.id;
  [tasks, people] = base.tables;
});
afterAll(async () => {
  receiver?.close();
  await server?.stop();
});

describe('webhooks', () => {
  it('turns each committed request into one payload with V2 cells, by cursor', async () => {
    const created = await server.call('POST', hooks(), spec({ dataTypes: ['tableData'] }, { includePreviousCellValues: true }));
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^ach[A-Za-z0-9]{14}$/);
    expect(Buffer.from(created.body.macSecretBase64, 'base64')).toHaveLength(32);
    expect(Date.parse(created.body.expirationTime) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const hook = created.body.id as string;

    const two = await server.call('POST', `/v0/${baseId}/Tasks`, { records: [{ fields: { Name: 'a', Status: 'Todo' } }, { fields: { Name: 'b' } }] });
    const [a, b] = (two.body.records as Json[]).map((record) => record.id as string) as [string, string];
    await server.call('PATCH', `/v0/${baseId}/Tasks/${a}`, { fields: { Points: 3 } });
    await server.call('DELETE', `/v0/${baseId}/Tasks/${b}`);

    const page = await payloads(hook);
    expect(page).toMatchObject({ cursor: 4, mightHaveMore: false });
    expect(page.payloads).toHaveLength(3);
    const [create, update, remove] = page.payloads as Json[];
    const numbers = [create.baseTransactionNumber, update.baseTransactionNumber, remove.baseTransactionNumber];
    expect(numbers).toEqual([numbers[0], numbers[0] + 1, numbers[0] + 2]);
    expect(create).toMatchObject({ payloadFormat: 'v0', actionMetadata: { source: 'publicApi', sourceMetadata: { user: { id: 'usrTableportAdmin' } } } });
    const createdCells = create.changedTablesById[tasks.id].createdRecordsById[a].cellValuesByFieldId;
    expect(createdCells[field(tasks, 'Status')]).toMatchObject({ name: 'Todo', color: 'redBright', id: expect.stringMatching(/^sel/) });
    expect(Object.keys(create.changedTablesById[tasks.id].createdRecordsById).sort()).toEqual([a, b].sort());
    expect(update.changedTablesById[tasks.id].changedRecordsById[a]).toEqual({
      current: { cellValuesByFieldId: { [field(tasks, 'Points')]: 3 } },
      previous: { cellValuesByFieldId: { [field(tasks, 'Points')]: null } },
    });
    expect(remove.changedTablesById[tasks.id].destroyedRecordIds).toEqual([b]);

    const first = await payloads(hook, 1, 1);
    expect(first).toMatchObject({ cursor: 2, mightHaveMore: true });
    const rest = await payloads(hook, first.cursor);
    expect(rest.payloads).toHaveLength(2);
    const extended = ((await server.call('GET', hooks())).body.webhooks as Json[]).find((candidate) => candidate.id === hook);
    expect(Date.parse(extended.expirationTime)).toBeGreaterThan(Date.parse(created.body.expirationTime));
    const empty = await payloads(hook, rest.cursor);
    expect(empty).toEqual({ cursor: rest.cursor, mightHaveMore: false, payloads: [] });
  });

  it('applies scope, change types, watched fields, sources and includes', async () => {
    const points = field(tasks, 'Points');
    const scoped = await server.call(
      'POST',
      hooks(),
      spec({ dataTypes: ['tableData'], recordChangeScope: tasks.id, changeTypes: ['update'], watchDataInFieldIds: [points] }, { includeCellValuesInFieldIds: [field(tasks, 'Name')] }),
    );
    const schema = await server.call('POST', hooks(), spec({ dataTypes: ['tableFields', 'tableMetadata'] }));
    const fromWeb = await server.call('POST', hooks(), spec({ dataTypes: ['tableData'], fromSources: ['client'] }));
    const made = await server.call('POST', `/v0/${baseId}/Tasks`, { fields: { Name: 'c' } });
    await server.call('POST', `/v0/${baseId}/People`, { fields: { Name: 'p' } });
    await server.call('PATCH', `/v0/${baseId}/Tasks/${made.body.id}`, { fields: { Name: 'c2' } });
    await server.call('PATCH', `/v0/${baseId}/Tasks/${made.body.id}`, { fields: { Points: 5 } });
    const email = await server.call('POST', `/v0/meta/bases/${baseId}/tables/${people.id}/fields`, { name: 'Email', type: 'email' });
    await server.call('PATCH', `/v0/meta/bases/${baseId}/tables/${people.id}`, { name: 'Team' });
    await server.call('PATCH', `/v0/meta/bases/${baseId}/tables/${people.id}/fields/${email.body.id}`, { description: 'work address' });
    await server.call('PATCH', `/v0/meta/bases/${baseId}/tables/${people.id}/fields/${email.body.id}`, { name: 'Mail' });

    const onlyPoints = (await payloads(scoped.body.id)).payloads as Json[];
    expect(onlyPoints).toHaveLength(1);
    expect(onlyPoints[0].changedTablesById[tasks.id].changedRecordsById[made.body.id]).toEqual({
      current: { cellValuesByFieldId: { [points]: 5 } },
      unchanged: { cellValuesByFieldId: { [field(tasks, 'Name')]: 'c2' } },
    });
    const schemaPayloads = (await payloads(schema.body.id)).payloads as Json[];
    expect(schemaPayloads.map((payload): unknown => payload.changedTablesById[people.id])).toEqual([
      { createdFieldsById: { [email.body.id]: { name: 'Email', type: 'email' } } },
      { changedMetadata: { current: { name: 'Team', description: null }, previous: { name: 'People', description: null } } },
      { changedFieldsById: { [email.body.id]: { current: { name: 'Mail' } } } },
    ]);
    expect((await payloads(fromWeb.body.id)).payloads).toEqual([]);
  });

  it('lists, refreshes, turns pings off and on, deletes; at most 10 per base', async () => {
    const listed = await server.call('GET', hooks());
    const one = listed.body.webhooks[0];
    expect(Object.keys(one).sort()).toEqual(
      ['areNotificationsEnabled', 'cursorForNextPayload', 'expirationTime', 'id', 'isHookEnabled', 'lastNotificationResult', 'lastSuccessfulNotificationTime', 'notificationUrl', 'specification'].sort(),
    );
    expect(one).toMatchObject({ isHookEnabled: true, areNotificationsEnabled: true, cursorForNextPayload: 8, notificationUrl: null });
    const refreshed = await server.raw('POST', `${hooks()}/${one.id}/refresh`);
    expect(refreshed.status).toBe(401);
    const refresh = await fetch(`${server.url}${hooks()}/${one.id}/refresh`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(refresh.status).toBe(200);
    expect(Date.parse(((await refresh.json()) as Json).expirationTime)).toBeGreaterThanOrEqual(Date.parse(one.expirationTime));
    expect((await server.call('POST', `${hooks()}/${one.id}/enableNotifications`, { enable: false })).body).toEqual({});
    const off = (await server.call('GET', hooks())).body.webhooks.find((hook: Json) => hook.id === one.id);
    expect(off.areNotificationsEnabled).toBe(false);
    await server.call('POST', `/v0/${baseId}/Tasks`, { fields: { Name: 'while pings are off' } });
    expect((await payloads(one.id, off.cursorForNextPayload)).payloads).toHaveLength(1);
    expect((await server.call('DELETE', `${hooks()}/${one.id}`)).body).toEqual({});
    const count = (await server.call('GET', hooks())).body.webhooks.length as number;
    for (let index = count; index < 10; index++) expect((await server.call('POST', hooks(), spec({ dataTypes: ['tableData'] }))).status).toBe(200);
    const eleventh = await server.call('POST', hooks(), spec({ dataTypes: ['tableData'] }));
    expect([eleventh.status, eleventh.body.error.type]).toEqual([422, 'TOO_MANY_WEBHOOKS']);
    for (const hook of (await server.call('GET', hooks())).body.webhooks as Json[]) await server.call('DELETE', `${hooks()}/${hook.id}`);
  });

  it('an expired webhook gets no payloads and cannot be refreshed; its payloads stay readable', async () => {
    const hook = (await server.call('POST', hooks(), spec({ dataTypes: ['tableData'] }))).body.id as string;
    await server.call('POST', `/v0/${baseId}/Tasks`, { fields: { Name: 'before expiry' } });
    expect((await payloads(hook)).payloads).toHaveLength(1);
    await server.app.context.db.query("UPDATE data_webhooks SET expires_at = now() - interval '1 second' WHERE id = $1", [hook]);
    await server.call('POST', `/v0/${baseId}/Tasks`, { fields: { Name: 'after expiry' } });
    const page = await payloads(hook);
    expect(page).toMatchObject({ cursor: 2, mightHaveMore: false });
    expect(page.payloads).toHaveLength(1);
    const listed = ((await server.call('GET', hooks())).body.webhooks as Json[]).find((candidate) => candidate.id === hook);
    expect(listed).toMatchObject({ isHookEnabled: false, cursorForNextPayload: 2 });
    const refresh = await server.call('POST', `${hooks()}/${hook}/refresh`);
    expect([refresh.status, refresh.body.error.type]).toEqual([422, 'CANNOT_REFRESH_DISABLED_WEBHOOK']);
    await server.call('DELETE', `${hooks()}/${hook}`);
  });

  it('pings the notification URL with a MAC over the raw body, and records failures', async () => {
    const created = await server.call('POST', hooks(), { notificationUrl: receiver.url, ...spec({ dataTypes: ['tableData'] }) });
    const secret = created.body.macSecretBase64 as string;
    await server.call('POST', `/v0/${baseId}/Tasks`, { fields: { Name: 'ping me' } });
    const ping = await eventually(async () => receiver.pings[0]);
    expect(ping).toBeDefined();
    expect(verifyWebhookMac({ macSecretBase64: secret, body: ping!.body, header: ping!.mac })).toBe(true);
    expect(JSON.parse(ping!.body)).toEqual({ base: { id: baseId }, webhook: { id: created.body.id }, timestamp: expect.any(String) });
    const state = async (): Promise<Json> => ((await server.call('GET', hooks())).body.webhooks as Json[]).find((hook) => hook.id === created.body.id);
    const delivered = await eventually(async (): Promise<Json> => ((await state()).lastSuccessfulNotificationTime ? await state() : undefined));
    expect(delivered.lastNotificationResult).toMatchObject({ success: true });

    receiver.status.value = 500;
    await server.call('POST', `/v0/${baseId}/Tasks`, { fields: { Name: 'fails' } });
    const failed = await eventually(async (): Promise<Json> => ((await state()).lastNotificationResult?.success === false ? await state() : undefined));
    expect(failed.lastNotificationResult).toMatchObject({ success: false, willBeRetried: true, retryNumber: 0, error: { message: expect.stringContaining('500') } });
    expect(failed.areNotificationsEnabled).toBe(true);
  });

  it('answers Airtable errors', async () => {
    const missing = await server.call('GET', `${hooks()}/achAAAAAAAAAAAAAA/payloads`);
    expect([missing.status, missing.body.error.type]).toEqual([404, 'MODEL_ID_NOT_FOUND']);
    const badScope = await server.call('POST', hooks(), spec({ dataTypes: ['tableData'], recordChangeScope: 'tblAAAAAAAAAAAAAA' }));
    expect([badScope.status, badScope.body.error.type]).toEqual([422, 'INVALID_WEBHOOK_SPECIFICATION']);
    const noTypes = await server.call('POST', hooks(), spec({}));
    expect([noTypes.status, noTypes.body.error.type]).toEqual([422, 'INVALID_REQUEST_UNKNOWN']);
    const hook = (await server.call('POST', hooks(), spec({ dataTypes: ['tableData'] }))).body.id as string;
    expect((await server.call('GET', `${hooks()}/${hook}/payloads?cursor=0`)).status).toBe(422);
    expect((await server.call('GET', `${hooks()}/${hook}/payloads?limit=51`)).status).toBe(422);
    expect((await server.call('POST', `${hooks()}/${hook}/enableNotifications`, {})).status).toBe(422);
    expect((await server.call('GET', `/v0/bases/appAAAAAAAAAAAAAA/webhooks`)).body.error.type).toBe('INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
  });
});
