/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import type { DomainEvent } from '@tableport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authorizer } from '../../../platform/authz/authz.types';
import { createDataService, type DataService } from '../../data.service';
import { startV0Server, type Json, type V0Server } from '../../test/v0.harness';
import { createLocalDataSource } from '../local.source';

// Record events carry the computed cells a write changed: on the written records, and as `compute`
// updates of records the change reached through links; change sets (undo) keep only written cells.
const allowAll: Authorizer = {
  check: async () => undefined,
  can: async () => true,
  roleOn: async () => 'owner',
  visibleBaseIds: async () => 'all',
};
const caller = { principal: { kind: 'admin' as const, id: 'admin', userId: null, scopes: 'all' as const }, channel: 'mcp' as const };

let server: V0Server;
let data: DataService;
let baseId: string;
let projects: Json;
let tasks: Json;
let seen = 0;

/** Field id by table and name. */
const id = (table: Json, name: string): string => (table.fields as Json[]).find((field) => field.name === name).id;

/** The record events committed since the last call, oldest first. */
async function newEvents(): Promise<DomainEvent[]> {
  const events = await server.app.context.events.readSince(seen, { limit: 500, baseId });
  seen = events.at(-1)?.seq ?? seen;
  return events.filter((event) => event.type.startsWith('record.'));
}

const call = async (method: string, path: string, body?: unknown) => {
  const response = await server.call(method, `/v0/${baseId}/${path}`, body);
  if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
};

const summary = (event: DomainEvent) => ({
  type: event.type,
  tableId: event.tableId,
  recordId: event.payload.recordId,
  cause: event.payload.cause,
  ...(event.type === 'record.created' ? {} : { before: event.payload.before }),
  ...(event.type === 'record.deleted' ? {} : { after: event.payload.after }),
});

beforeAll(async () => {
  server = await startV0Server();
  const { db, events } = server.app.context;
  data = createDataService({ db, events, authorizer: allowAll, drivers: { local: createLocalDataSource({ db }) }, defaultWorkspaceId: async () => 'unused' });
  const base = await server.createBase([
    { name: 'Projects', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Budget', type: 'number', options: { precision: 0 } }] },
    { name: 'Tasks', fields: [{ name: 'Title', type: 'singleLineText' }, { name: 'Hours', type: 'number', options: { precision: 0 } }] },
  ]);
  baseId = base.id;
  const addField = async (table: string, field: Record<string, unknown>) => {
    const response = await server.call('POST', `/v0/meta/bases/${baseId}/tables/${table}/fields`, field);
    if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  };
  await addField('Tasks', { name: 'Project', type: 'multipleRecordLinks', options: { linkedTableId: base.tables[0].id } });
  await addField('Tasks', { name: 'Big', type: 'formula', options: { formula: '{Hours} > 5' } });
  await addField('Tasks', { name: 'Label', type: 'formula', options: { formula: '{Title} & " @ " & {Project}' } });
  await addField('Projects', { name: 'Task count', type: 'count', options: { recordLinkFieldId: 'Tasks' } });
  await addField('Projects', { name: 'Total hours', type: 'rollup', options: { recordLinkFieldId: 'Tasks', fieldIdInLinkedTable: 'Hours', formula: 'SUM(values)' } });
  await addField('Projects', { name: 'Titles', type: 'multipleLookupValues', options: { recordLinkFieldId: 'Tasks', fieldIdInLinkedTable: 'Title' } });
  await addField('Projects', { name: 'Over', type: 'formula', options: { formula: 'IF({Total hours} > {Budget}, "over", "ok")' } });
  // Back through the link: a write to a task reaches the task again through its project.
  await addField('Tasks', { name: 'Project over', type: 'multipleLookupValues', options: { recordLinkFieldId: 'Project', fieldIdInLinkedTable: 'Over' } });
  [projects, tasks] = (await server.call('GET', `/v0/meta/bases/${baseId}/tables`)).body.tables;
  await newEvents();
});
afterAll(async () => server?.stop());

describe('computed cells in record events', () => {
  let project: string;
  let task: string;

  it('a created record carries its computed cells; the linked record one link event with its recomputed cells', async () => {
    project = (await call('POST', 'Projects', { fields: { Name: 'Apollo', Budget: 6 } })).body.id;
    expect((await newEvents()).map(summary)).toEqual([
      {
        type: 'record.created',
        tableId: projects.id,
        recordId: project,
        cause: 'write',
        after: { [id(projects, 'Name')]: 'Apollo', [id(projects, 'Budget')]: 6, [id(projects, 'Task count')]: 0, [id(projects, 'Total hours')]: 0, [id(projects, 'Over')]: 'ok' },
      },
    ]);

    task = (await call('POST', 'Tasks', { fields: { Title: 'A', Hours: 4, Project: [project] } })).body.id;
    // The other side of the link is journalled as the links are written, before the creation.
    expect((await newEvents()).map(summary)).toEqual([
      {
        type: 'record.updated',
        tableId: projects.id,
        recordId: project,
        cause: 'link',
        before: { [id(projects, 'Tasks')]: null, [id(projects, 'Task count')]: 0, [id(projects, 'Total hours')]: 0, [id(projects, 'Titles')]: null },
        after: { [id(projects, 'Tasks')]: [task], [id(projects, 'Task count')]: 1, [id(projects, 'Total hours')]: 4, [id(projects, 'Titles')]: ['A'] },
      },
      {
        type: 'record.created',
        tableId: tasks.id,
        recordId: task,
        cause: 'write',
        after: { [id(tasks, 'Title')]: 'A', [id(tasks, 'Hours')]: 4, [id(tasks, 'Project')]: [project], [id(tasks, 'Big')]: 0, [id(tasks, 'Label')]: 'A @ Apollo', [id(tasks, 'Project over')]: ['ok'] },
      },
    ]);
  });

  it('an update carries its formula change and reaches the linked record as a compute update; change sets keep only written cells', async () => {
    const response = await call('PATCH', `Tasks/${task}`, { fields: { Hours: 8 } });
    const events = await newEvents();
    expect(events.map(summary)).toEqual([
      {
        type: 'record.updated',
        tableId: tasks.id,
        recordId: task,
        cause: 'write',
        before: { [id(tasks, 'Hours')]: 4, [id(tasks, 'Big')]: 0, [id(tasks, 'Project over')]: ['ok'] },
        after: { [id(tasks, 'Hours')]: 8, [id(tasks, 'Big')]: 1, [id(tasks, 'Project over')]: ['over'] },
      },
      {
        type: 'record.updated',
        tableId: projects.id,
        recordId: project,
        cause: 'compute',
        before: { [id(projects, 'Total hours')]: 4, [id(projects, 'Over')]: 'ok' },
        after: { [id(projects, 'Total hours')]: 8, [id(projects, 'Over')]: 'over' },
      },
    ]);
    const changeSetId = response.headers.get('x-tableport-change-set');
    expect(events.map((event) => event.payload.changeSetId)).toEqual([changeSetId, changeSetId]);
    expect(events[1]!.payload.changedFieldIds).toEqual([id(projects, 'Total hours'), id(projects, 'Over')]);
    expect((await data.getChangeSet({ caller, changeSetId: changeSetId! })).changes).toEqual([
      { tableId: tasks.id, recordId: task, op: 'update', before: { [id(tasks, 'Hours')]: 4 }, after: { [id(tasks, 'Hours')]: 8 } },
    ]);
  });

  it('computed cells a recompute leaves as they were make no event and join no change', async () => {
    await call('PATCH', `Tasks/${task}`, { fields: { Hours: 9 } });
    expect((await newEvents()).map(summary)).toEqual([
      { type: 'record.updated', tableId: tasks.id, recordId: task, cause: 'write', before: { [id(tasks, 'Hours')]: 8 }, after: { [id(tasks, 'Hours')]: 9 } },
      { type: 'record.updated', tableId: projects.id, recordId: project, cause: 'compute', before: { [id(projects, 'Total hours')]: 8 }, after: { [id(projects, 'Total hours')]: 9 } },
    ]);
    await call('PATCH', `Projects/${project}`, { fields: { Budget: 7 } });
    expect((await newEvents()).map(summary)).toEqual([
      { type: 'record.updated', tableId: projects.id, recordId: project, cause: 'write', before: { [id(projects, 'Budget')]: 6 }, after: { [id(projects, 'Budget')]: 7 } },
    ]);
    await call('PATCH', `Tasks/${task}`, { fields: { Hours: 9 } });
    expect(await newEvents()).toEqual([]);
  });

  it('undo reverts only the written cells, and computed cells changed since are no conflict', async () => {
    const renamed = await call('PATCH', `Tasks/${task}`, { fields: { Title: 'A1' } });
    const renameEvents = (await newEvents()).map(summary);
    expect(renameEvents).toContainEqual({
      type: 'record.updated',
      tableId: tasks.id,
      recordId: task,
      cause: 'write',
      before: { [id(tasks, 'Title')]: 'A', [id(tasks, 'Label')]: 'A @ Apollo' },
      after: { [id(tasks, 'Title')]: 'A1', [id(tasks, 'Label')]: 'A1 @ Apollo' },
    });
    expect(renameEvents).toContainEqual(expect.objectContaining({ recordId: project, cause: 'compute', after: { [id(projects, 'Titles')]: ['A1'] } }));
    const changeSetId = renamed.headers.get('x-tableport-change-set')!;
    expect((await data.getChangeSet({ caller, changeSetId })).changes).toEqual([
      { tableId: tasks.id, recordId: task, op: 'update', before: { [id(tasks, 'Title')]: 'A' }, after: { [id(tasks, 'Title')]: 'A1' } },
    ]);

    // The project's new name reaches the task's label: a compute update of the task.
    await call('PATCH', `Projects/${project}`, { fields: { Name: 'Zeus' } });
    expect((await newEvents()).map(summary)).toEqual([
      { type: 'record.updated', tableId: projects.id, recordId: project, cause: 'write', before: { [id(projects, 'Name')]: 'Apollo' }, after: { [id(projects, 'Name')]: 'Zeus' } },
      { type: 'record.updated', tableId: tasks.id, recordId: task, cause: 'compute', before: { [id(tasks, 'Label')]: 'A1 @ Apollo' }, after: { [id(tasks, 'Label')]: 'A1 @ Zeus' } },
    ]);

    const reverted = await data.revertChangeSet({ caller, changeSetId });
    expect(reverted.steps).toEqual([{ op: 'update', tableId: tasks.id, recordId: task, fields: { [id(tasks, 'Title')]: 'A' } }]);
    const record = (await call('GET', `Tasks/${task}`)).body;
    expect(record.fields).toMatchObject({ Title: 'A', Label: 'A @ Zeus' });
    const revertEvents = (await newEvents()).map(summary);
    expect(revertEvents[0]).toEqual({
      type: 'record.updated',
      tableId: tasks.id,
      recordId: task,
      cause: 'write',
      before: { [id(tasks, 'Title')]: 'A1', [id(tasks, 'Label')]: 'A1 @ Zeus' },
      after: { [id(tasks, 'Title')]: 'A', [id(tasks, 'Label')]: 'A @ Zeus' },
    });
    expect((await data.getChangeSet({ caller, changeSetId: reverted.revertChangeSetIds[0]! })).changes).toEqual([
      { tableId: tasks.id, recordId: task, op: 'update', before: { [id(tasks, 'Title')]: 'A1' }, after: { [id(tasks, 'Title')]: 'A' } },
    ]);
  });

  it('a deleted record gets no compute change; the record it left gets its recomputed cells on the link event', async () => {
    await call('DELETE', `Tasks/${task}`);
    const events = (await newEvents()).map(summary);
    expect(events.filter((event) => event.recordId === task).map((event) => [event.type, event.cause])).toEqual([['record.deleted', 'write']]);
    expect(events.filter((event) => event.recordId === project)).toEqual([
      {
        type: 'record.updated',
        tableId: projects.id,
        recordId: project,
        cause: 'link',
        before: { [id(projects, 'Tasks')]: [task], [id(projects, 'Task count')]: 1, [id(projects, 'Total hours')]: 9, [id(projects, 'Titles')]: ['A'], [id(projects, 'Over')]: 'over' },
        after: { [id(projects, 'Tasks')]: null, [id(projects, 'Task count')]: 0, [id(projects, 'Total hours')]: 0, [id(projects, 'Titles')]: null, [id(projects, 'Over')]: 'ok' },
      },
    ]);
  });
});

describe('computed cells in webhook payloads', () => {
  it('reports cascaded changes in changedRecordsById, and a watched formula only when it changes', async () => {
    const hooks = `/v0/bases/${baseId}/webhooks`;
    const all = await server.call('POST', hooks, { specification: { options: { filters: { dataTypes: ['tableData'] }, includes: { includePreviousCellValues: true } } } });
    const watch = { dataTypes: ['tableData'], recordChangeScope: projects.id, changeTypes: ['update'], watchDataInFieldIds: [id(projects, 'Over')] };
    const over = await server.call('POST', hooks, { specification: { options: { filters: watch } } });
    const project = (await call('POST', 'Projects', { fields: { Name: 'Gemini', Budget: 10 } })).body.id;
    const task = (await call('POST', 'Tasks', { fields: { Title: 'G', Hours: 4, Project: [project] } })).body.id;
    await call('PATCH', `Tasks/${task}`, { fields: { Hours: 6 } });
    await call('PATCH', `Tasks/${task}`, { fields: { Hours: 12 } });

    const list = async (hook: string) => (await server.call('GET', `${hooks}/${hook}/payloads`)).body.payloads as Json[];
    const payloads = await list(all.body.id);
    expect(payloads).toHaveLength(4);
    expect(payloads[0].changedTablesById[projects.id].createdRecordsById[project].cellValuesByFieldId).toMatchObject({ [id(projects, 'Task count')]: 0, [id(projects, 'Over')]: 'ok' });
    expect(payloads[2].changedTablesById).toEqual({
      [tasks.id]: {
        changedRecordsById: {
          [task]: { current: { cellValuesByFieldId: { [id(tasks, 'Hours')]: 6, [id(tasks, 'Big')]: 1 } }, previous: { cellValuesByFieldId: { [id(tasks, 'Hours')]: 4, [id(tasks, 'Big')]: 0 } } },
        },
      },
      [projects.id]: {
        changedRecordsById: {
          [project]: { current: { cellValuesByFieldId: { [id(projects, 'Total hours')]: 6 } }, previous: { cellValuesByFieldId: { [id(projects, 'Total hours')]: 4 } } },
        },
      },
    });
    const flipped = await list(over.body.id);
    expect(flipped).toHaveLength(1);
    expect(flipped[0].changedTablesById).toEqual({
      [projects.id]: { changedRecordsById: { [project]: { current: { cellValuesByFieldId: { [id(projects, 'Total hours')]: 12, [id(projects, 'Over')]: 'over' } } } } },
    });
  });
});
