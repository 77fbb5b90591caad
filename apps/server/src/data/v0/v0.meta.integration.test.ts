 
import type { DomainEvent } from '@tableport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
const events: DomainEvent[] = [];

beforeAll(async () => {
  server = await startV0Server();
  server.app.context.events.subscribe('*', (event) => void events.push(event));
});
afterAll(async () => server?.stop());

describe('metadata API', () => {
  it('whoami answers the token user', async () => {
    expect((await server.call('GET', '/v0/meta/whoami')).body).toEqual({ id: 'usrTableportAdmin' });
  });

  it('creates a base with tables (first field primary, default grid view) and lists it', async () => {
    const base = await server.createBase([{ name: 'People', description: 'Everyone', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Age', type: 'number' }] }], 'Crm');
    expect(base.id).toMatch(/^app[A-Za-z0-9]{14}$/);
    const [table] = base.tables;
    expect(table).toMatchObject({ name: 'People', description: 'Everyone', primaryFieldId: table.fields[0].id, views: [{ name: 'Grid view', type: 'grid' }] });
    expect(table.fields[1]).toEqual({ id: expect.stringMatching(/^fld/), name: 'Age', type: 'number', options: { precision: 0 } });
    const bases = (await server.call('GET', '/v0/meta/bases')).body;
    expect(bases.bases).toContainEqual({ id: base.id, name: 'Crm', permissionLevel: 'create' });
    expect(bases.offset).toBeUndefined();
    expect(events.some((event) => event.type === 'base.created' && event.baseId === base.id)).toBe(true);
    expect(events.some((event) => event.type === 'table.created' && event.tableId === table.id)).toBe(true);
  });

  it('creates and renames tables and fields by id or name, with the usual errors', async () => {
    const base = await server.createBase([{ name: 'A', fields: [{ name: 'Name', type: 'singleLineText' }] }]);
    const created = await server.call('POST', `/v0/meta/bases/${base.id}/tables`, { name: 'B', fields: [{ name: 'Title', type: 'singleLineText' }, { name: 'When', type: 'dateTime', options: { timeZone: 'Europe/Berlin' } }] });
    expect(created.status).toBe(200);
    expect(created.body.fields[1].options).toEqual({ timeZone: 'Europe/Berlin', dateFormat: { name: 'local', format: 'l' }, timeFormat: { name: '24hour', format: 'HH:mm' } });
    const renamed = await server.call('PATCH', `/v0/meta/bases/${base.id}/tables/B`, { name: 'Bees', description: 'buzz' });
    expect(renamed.body).toMatchObject({ id: created.body.id, name: 'Bees', description: 'buzz' });
    const field = await server.call('POST', `/v0/meta/bases/${base.id}/tables/Bees/fields`, { name: 'Score', type: 'rating', description: 'how good' });
    expect(field.body).toMatchObject({ name: 'Score', type: 'rating', description: 'how good', options: { max: 5, icon: 'star' } });
    const updated = await server.call('PATCH', `/v0/meta/bases/${base.id}/tables/${created.body.id}/fields/${field.body.id}`, { name: 'Stars' });
    expect(updated.body).toMatchObject({ id: field.body.id, name: 'Stars', description: 'how good' });
    expect((await server.call('POST', `/v0/${base.id}/Bees`, { fields: { Stars: 3 } })).body.fields).toEqual({ Stars: 3 });

    const expectType = async (response: Promise<{ status: number; body: Json }>, status: number, type: string) => {
      const { status: got, body } = await response;
      expect([got, body.error?.type]).toEqual([status, type]);
    };
    await expectType(server.call('POST', `/v0/meta/bases/${base.id}/tables`, { name: 'bees', fields: [{ name: 'x', type: 'singleLineText' }] }), 422, 'DUPLICATE_OR_EMPTY_TABLE_NAME');
    await expectType(server.call('POST', `/v0/meta/bases/${base.id}/tables/Bees/fields`, { name: 'stars', type: 'number' }), 422, 'DUPLICATE_OR_EMPTY_FIELD_NAME');
    await expectType(server.call('POST', `/v0/meta/bases/${base.id}/tables/Bees/fields`, { name: 'Bad', type: 'nope' }), 422, 'INVALID_REQUEST_UNKNOWN');
    await expectType(server.call('POST', `/v0/meta/bases/${base.id}/tables/Bees/fields`, { name: 'F', type: 'formula', options: { formula: '{Missing} + 1' } }), 422, 'INVALID_REQUEST_UNKNOWN');
    await expectType(server.call('POST', `/v0/meta/bases/${base.id}/tables/Bees/fields`, { name: 'N', type: 'number', options: { precision: 12 } }), 422, 'INVALID_REQUEST_UNKNOWN');
    await expectType(server.call('POST', `/v0/meta/bases/${base.id}/tables`, { name: 'C', fields: [{ name: 'Done', type: 'checkbox' }] }), 422, 'INVALID_REQUEST_UNKNOWN');
    await expectType(server.call('PATCH', `/v0/meta/bases/${base.id}/tables/Bees/fields/${field.body.id}`, { type: 'number' }), 422, 'INVALID_REQUEST_UNKNOWN');
    await expectType(server.call('PATCH', `/v0/meta/bases/${base.id}/tables/Nope`, { name: 'x' }), 403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
    await expectType(server.call('POST', '/v0/meta/bases', { name: 'X', workspaceId: 'wspAAAAAAAAAAAAAA', tables: [{ name: 'T', fields: [{ name: 'N', type: 'singleLineText' }] }] }), 403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND');
  });

  it('every write appends events in its transaction and returns a change set that records before and after', async () => {
    const base = await server.createBase([{ name: 'T', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'N', type: 'number' }] }]);
    events.length = 0;
    const created = await server.call('POST', `/v0/${base.id}/T`, { fields: { Name: 'a', N: 1 } });
    const nameId = base.tables[0].fields[0].id;
    const updated = await server.call('PATCH', `/v0/${base.id}/T/${created.body.id}`, { fields: { N: 2 } });
    const deleted = await server.call('DELETE', `/v0/${base.id}/T/${created.body.id}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((event) => event.type)).toEqual(['record.created', 'record.updated', 'record.deleted']);
    const [createdEvent, updatedEvent, deletedEvent] = events;
    expect(createdEvent!.actor).toMatchObject({ kind: 'admin', channel: 'v0' });
    expect(createdEvent!.payload).toMatchObject({ recordId: created.body.id, after: { [nameId]: 'a' } });
    expect(updatedEvent!.payload).toMatchObject({ before: { [base.tables[0].fields[1].id]: 1 }, after: { [base.tables[0].fields[1].id]: 2 } });
    expect(deletedEvent!.payload).toMatchObject({ before: { [nameId]: 'a' } });
    const changeSetId = updated.headers.get('x-tableport-change-set')!;
    expect(updatedEvent!.payload.changeSetId).toBe(changeSetId);
    const changeSet = await server.app.context.db.query<Json>('SELECT * FROM data_change_sets WHERE id = $1', [changeSetId]);
    expect(changeSet.rows[0].changes).toEqual([
      { tableId: base.tables[0].id, recordId: created.body.id, op: 'update', before: { [base.tables[0].fields[1].id]: 1 }, after: { [base.tables[0].fields[1].id]: 2 } },
    ]);
    expect(deleted.headers.get('x-tableport-change-set')).toMatch(/^chg/);
    const unchanged = await server.call('PATCH', `/v0/${base.id}/T`, { records: [] });
    expect(unchanged.status).toBe(422);
  });
});
