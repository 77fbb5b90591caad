import type { DomainEvent } from '@tableport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness';
import { createEventBus } from '../comms/events';
import type { Principal } from '../gateway/gateway.types';
import type { Database } from '../infra/db';
import { createKv, type Kv } from '../infra/kv';
import { createLogger } from '../infra/log/logger';
import type { Authorizer } from '../platform/authz/authz.types';
import { createDataService, type DataService } from './data.service';
import { createLocalDataSource } from './local/local.source';

// The service as MCP, the web app and automations call it: no HTTP, any batch size, change sets.
let db: Database;
let kv: Kv;
let data: DataService;
const events: DomainEvent[] = [];
const admin: Principal = { kind: 'admin', id: 'admin', userId: null, scopes: 'all' };
const caller = { principal: admin, channel: 'mcp' as const };
/** Lets everything through: this suite is about the service contract; v0.access covers permissions. */
const allowAll = { check: async () => {}, visibleBaseIds: async () => 'all' } as unknown as Authorizer;

beforeAll(async () => {
  db = await createTestDatabase();
  const logger = createLogger({ level: 'silent' });
  kv = await createKv({ logger, keyPrefix: 'svc:' });
  const bus = createEventBus({ db, pubsub: kv.pubsub, logger });
  await bus.start();
  bus.subscribe('record.*', (event) => void events.push(event));
  await db.query("INSERT INTO workspaces (id, name) VALUES ('wspSERVICETEST000', 'w')");
  data = createDataService({ db, events: bus, authorizer: allowAll, drivers: { local: createLocalDataSource({ db }) }, defaultWorkspaceId: async () => 'wspSERVICETEST000' });
});
afterAll(async () => {
  await kv?.close();
  await db?.close();
});

describe('data service', () => {
  it('takes batches of any size in one transaction and returns a change set that can be read back', async () => {
    const base = await data.createBase({ caller, name: 'S', tables: [{ name: 'T', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'N', type: 'number' }] }] });
    const created = await data.createRecords({ caller, baseId: base.id, tableIdOrName: 'T', records: Array.from({ length: 25 }, (_, n) => ({ fields: { Name: `r${n}`, N: n } })) });
    expect(created.records).toHaveLength(25);
    expect(created.changeSetId).toMatch(/^chg/);
    const updated = await data.updateRecords({ caller, baseId: base.id, tableIdOrName: 'T', mode: 'merge', records: [{ id: created.records[0]!.id, fields: { N: 100 } }] });
    const changeSet = await data.getChangeSet({ caller, changeSetId: updated.changeSetId! });
    const nId = base.tables[0]!.fields[1]!.id;
    expect(changeSet).toMatchObject({ baseId: base.id, operation: 'records.update', revertedBy: null, changes: [{ op: 'update', recordId: created.records[0]!.id, before: { [nId]: 0 }, after: { [nId]: 100 } }] });
    expect(changeSet.actor).toMatchObject({ kind: 'admin', channel: 'mcp' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.filter((event) => event.type === 'record.created')).toHaveLength(25);
    expect(events.at(-1)).toMatchObject({ type: 'record.updated', actor: { channel: 'mcp' }, payload: { changeSetId: updated.changeSetId } });
  });

  it('a write that changes nothing stores no change set', async () => {
    const base = await data.createBase({ caller, name: 'S2', tables: [{ name: 'T', fields: [{ name: 'Name', type: 'singleLineText' }] }] });
    const created = await data.createRecords({ caller, baseId: base.id, tableIdOrName: 'T', records: [{ fields: { Name: 'same' } }] });
    const same = await data.updateRecords({ caller, baseId: base.id, tableIdOrName: 'T', mode: 'merge', records: [{ id: created.records[0]!.id, fields: { Name: 'same' } }] });
    expect(same.changeSetId).toBeNull();
    await expect(data.getChangeSet({ caller, changeSetId: 'chgNOPE0000000000' })).rejects.toMatchObject({ code: 'change_set.not_found' });
  });

  it('refuses anonymous callers and unknown bases with stable codes', async () => {
    await expect(data.listRecords({ caller: { principal: null, channel: 'mcp' }, baseId: 'appAAAAAAAAAAAAAA', tableIdOrName: 'T' })).rejects.toMatchObject({ code: 'auth.required' });
    await expect(data.listRecords({ caller, baseId: 'appAAAAAAAAAAAAAA', tableIdOrName: 'T' })).rejects.toMatchObject({ code: 'base.not_found' });
  });
});
