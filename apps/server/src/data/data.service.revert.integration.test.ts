import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authorizer } from '../platform/authz/authz.types';
import { createDataService, type DataService } from './data.service';
import { createLocalDataSource } from './local/local.source';
import { startV0Server, type Json, type V0Server } from './test/v0.harness';

const allowAll: Authorizer = {
  check: async () => undefined,
  can: async () => true,
  roleOn: async () => 'owner',
  visibleBaseIds: async () => 'all',
};
const caller = { principal: { kind: 'admin' as const, id: 'admin', userId: null, scopes: 'all' as const }, channel: 'mcp' as const };

let server: V0Server;
let data: DataService;
beforeAll(async () => {
  server = await startV0Server();
  const { db, events } = server.app.context;
  data = createDataService({ db, events, authorizer: allowAll, drivers: { local: createLocalDataSource({ db }) }, defaultWorkspaceId: async () => 'unused' });
});
afterAll(async () => server?.stop());

const names = async (baseId: string) =>
  ((await server.call("GET", `/v0/${baseId}/T?sort%5B0%5D%5Bfield%5D=Name`)).body.records as Json[]).map(
    (record: Json): unknown[] => [record.fields.Name, record.fields.N],
  );

describe('revertChangeSet', () => {
  it('reverts creates, updates and deletes through journalled writes, once, and refuses edited records without force', async () => {
    const base = await server.createBase([{ name: 'T', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'N', type: 'number', options: { precision: 0 } }] }]);
    const created = await server.call('POST', `/v0/${base.id}/T`, { records: [{ fields: { Name: 'a', N: 1 } }, { fields: { Name: 'b', N: 2 } }] });
    const [a, b] = created.body.records as Json[];
    const update = await server.call('PATCH', `/v0/${base.id}/T`, { records: [{ id: a.id, fields: { N: 10 } }] });
    const removal = await server.call('DELETE', `/v0/${base.id}/T/${b.id}`);
    expect(await names(base.id)).toEqual([['a', 10]]);

    const preview = await data.revertChangeSet({ caller, changeSetId: removal.headers.get('x-tableport-change-set')!, dryRun: true });
    expect(preview).toMatchObject({ applied: false, steps: [{ op: 'create', recordId: b.id }] });
    expect(await names(base.id)).toEqual([['a', 10]]);
    await data.revertChangeSet({ caller, changeSetId: removal.headers.get('x-tableport-change-set')! });
    const updateId = update.headers.get('x-tableport-change-set')!;
    const reverted = await data.revertChangeSet({ caller, changeSetId: updateId });
    expect(reverted.revertChangeSetIds).toHaveLength(1);
    expect(await names(base.id)).toEqual([['a', 1], ['b', 2]]);
    await expect(data.revertChangeSet({ caller, changeSetId: updateId })).rejects.toMatchObject({ code: 'change_set.already_reverted' });
    expect((await data.getChangeSet({ caller, changeSetId: updateId })).revertedBy).toBe(reverted.revertChangeSetIds[0]);

    await server.call('PATCH', `/v0/${base.id}/T/${a.id}`, { fields: { Name: 'edited' } });
    const createId = created.headers.get('x-tableport-change-set')!;
    await expect(data.revertChangeSet({ caller, changeSetId: createId })).rejects.toMatchObject({ code: 'change_set.conflict' });
    const forced = await data.revertChangeSet({ caller, changeSetId: createId, force: true });
    expect(forced.steps.map((step) => [step.op, step.conflict])).toEqual([
      ['delete', 'the record was deleted since'],
      ['delete', 'the record was changed since'],
    ]);
    expect(await names(base.id)).toEqual([['b', 2]]);
  });
});
