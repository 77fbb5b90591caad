import { AppError } from '@tableport/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { peerClient, startAirtablePeer, type AirtablePeer } from '../test/airtable-peer';
import type { AirtableClient } from './airtable.client';

let peer: AirtablePeer;
let client: AirtableClient;
const wire = () => peer.requests.map((sent) => [sent.method, sent.path, sent.query, sent.body]);

const field = { id: 'fldName0000000001', name: 'Name', type: 'singleLineText' };
const table = {
  id: 'tblTasks000000001',
  name: 'Tasks',
  primaryFieldId: field.id,
  fields: [
    field,
    { id: 'fldNew00000000001', name: 'Vibe', type: 'someTypeFrom2030', options: { mood: 'x' } },
  ],
  views: [{ id: 'viwGrid000000001', name: 'Grid view', type: 'grid', visibleFieldIds: [field.id] }],
};

beforeAll(async () => {
  peer = await startAirtablePeer();
  client = peerClient(peer);
});
afterAll(() => peer.close());
beforeEach(() => peer.reset());

describe('metadata', () => {
  it('whoami', async () => {
    peer.reply({ json: { id: 'usrMe', email: 'me@example.com', scopes: ['data.records:read'] } });
    expect(await client.meta.whoami()).toEqual({
      id: 'usrMe',
      email: 'me@example.com',
      scopes: ['data.records:read'],
    });
    expect(wire()).toEqual([['GET', '/v0/meta/whoami', '', '']]);
  });

  it('lists bases page by page with offset', async () => {
    const base = { id: 'appBase0000000001', name: 'CRM', permissionLevel: 'create' };
    peer.reply({ json: { bases: [base], offset: 'itrNext' } }, { json: { bases: [] } });
    expect(await client.meta.listBases()).toEqual({ bases: [base], offset: 'itrNext' });
    expect(await client.meta.listBases({ offset: 'itrNext' })).toEqual({ bases: [] });
    expect(wire()).toEqual([
      ['GET', '/v0/meta/bases', '', ''],
      ['GET', '/v0/meta/bases', 'offset=itrNext', ''],
    ]);
  });

  it('reads a base schema with visible field ids; unknown field types parse', async () => {
    peer.reply({ json: { tables: [table] } }, { json: { tables: [{ ...table, views: undefined }] } });
    const schema = await client.meta.getBaseSchema({
      baseId: 'appBase0000000001',
      includeVisibleFieldIds: true,
    });
    expect(schema.tables[0]!.fields[1]).toEqual(table.fields[1]);
    const withoutViews = await client.meta.getBaseSchema({ baseId: 'appBase0000000001' });
    expect(withoutViews.tables[0]!.views).toEqual([]);
    expect(wire()).toEqual([
      ['GET', '/v0/meta/bases/appBase0000000001/tables', 'include=visibleFieldIds', ''],
      ['GET', '/v0/meta/bases/appBase0000000001/tables', '', ''],
    ]);
  });

  it('refuses a schema whose table lacks its fields', async () => {
    peer.reply({ json: { tables: [{ id: 'tblX', name: 'X', primaryFieldId: 'fldX' }] } });
    const error = await client.meta.getBaseSchema({ baseId: 'appB' }).catch((caught: unknown) => caught);
    expect(AppError.isInstance(error) && error.code).toBe('airtable.invalid_response');
  });

  it('creates a base', async () => {
    peer.reply({ json: { id: 'appNew0000000001', tables: [table] } });
    const tables = [{ name: 'Tasks', fields: [{ name: 'Name', type: 'singleLineText' }] }];
    const created = await client.meta.createBase({ name: 'New', workspaceId: 'wspW00000000000001', tables });
    expect(created.id).toBe('appNew0000000001');
    expect(wire()).toEqual([
      [
        'POST',
        '/v0/meta/bases',
        '',
        '{"name":"New","workspaceId":"wspW00000000000001","tables":[{"name":"Tasks","fields":[{"name":"Name","type":"singleLineText"}]}]}',
      ],
    ]);
  });

  it('creates and updates a table', async () => {
    peer.reply({ json: table }, { json: table });
    await client.meta.createTable({
      baseId: 'appB',
      name: 'Tasks',
      description: 'todo',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        { name: 'Done', type: 'checkbox', options: { icon: 'check', color: 'greenBright' } },
      ],
    });
    await client.meta.updateTable({ baseId: 'appB', tableIdOrName: 'My Tasks', name: 'Tasks 2' });
    expect(wire()).toEqual([
      [
        'POST',
        '/v0/meta/bases/appB/tables',
        '',
        '{"name":"Tasks","description":"todo","fields":[{"name":"Name","type":"singleLineText"},{"name":"Done","type":"checkbox","options":{"icon":"check","color":"greenBright"}}]}',
      ],
      ['PATCH', '/v0/meta/bases/appB/tables/My%20Tasks', '', '{"name":"Tasks 2"}'],
    ]);
  });

  it('creates and updates a field', async () => {
    peer.reply({ json: field }, { json: { ...field, description: 'd' } });
    expect(
      await client.meta.createField({
        baseId: 'appB',
        tableIdOrName: 'tblT',
        name: 'Name',
        type: 'singleLineText',
      }),
    ).toEqual(field);
    await client.meta.updateField({
      baseId: 'appB',
      tableIdOrName: 'tblT',
      fieldId: 'fldF',
      description: 'd',
    });
    expect(wire()).toEqual([
      ['POST', '/v0/meta/bases/appB/tables/tblT/fields', '', '{"name":"Name","type":"singleLineText"}'],
      ['PATCH', '/v0/meta/bases/appB/tables/tblT/fields/fldF', '', '{"description":"d"}'],
    ]);
  });
});
