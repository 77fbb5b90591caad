/* eslint-disable @typescript-eslint/no-unsafe-return -- answers are untyped JSON read by assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startV0Server, type Json, type V0Server } from '../test/v0.harness';

let server: V0Server;
let baseId: string;
let projectsId: string;
let tasksId: string;

const post = (table: string, fields: Record<string, unknown>, typecast = false) =>
  server.call('POST', `/v0/${baseId}/${table}`, { fields, typecast });
const get = async (table: string, id: string) => (await server.call('GET', `/v0/${baseId}/${table}/${id}`)).body;
const patch = (table: string, id: string, fields: Record<string, unknown>, typecast = false) =>
  server.call('PATCH', `/v0/${baseId}/${table}/${id}`, { fields, typecast });
const addField = async (table: string, field: Record<string, unknown>) => {
  const response = await server.call('POST', `/v0/meta/bases/${baseId}/tables/${table}/fields`, field);
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return response.body;
};

beforeAll(async () => {
  server = await startV0Server();
  const base = await server.createBase([
    { name: 'Projects', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Budget', type: 'currency' }] },
    {
      name: 'Tasks',
      fields: [
        { name: 'Title', type: 'singleLineText' },
        { name: 'Hours', type: 'number', options: { precision: 1 } },
        { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Open' }, { name: 'Closed' }] } },
      ],
    },
  ]);
  baseId = base.id;
  [projectsId, tasksId] = base.tables.map((table: Json) => table.id as string) as [string, string];
  const link = await addField('Tasks', { name: 'Project', type: 'multipleRecordLinks', options: { linkedTableId: projectsId } });
  expect(link.options.inverseLinkFieldId).toMatch(/^fld/);
  const schema = await server.call('GET', `/v0/meta/bases/${baseId}/tables`);
  const inverse = schema.body.tables[0].fields.find((field: Json) => field.id === link.options.inverseLinkFieldId);
  expect(inverse).toMatchObject({ name: 'Tasks', type: 'multipleRecordLinks', options: { linkedTableId: tasksId, inverseLinkFieldId: link.id } });
  await addField('Projects', { name: 'Task count', type: 'count', options: { recordLinkFieldId: 'Tasks' } });
  await addField('Projects', { name: 'Task titles', type: 'multipleLookupValues', options: { recordLinkFieldId: 'Tasks', fieldIdInLinkedTable: 'Title' } });
  await addField('Projects', { name: 'Total hours', type: 'rollup', options: { recordLinkFieldId: 'Tasks', fieldIdInLinkedTable: 'Hours', formula: 'SUM(values)' } });
  await addField('Projects', { name: 'Open', type: 'rollup', options: { recordLinkFieldId: 'Tasks', fieldIdInLinkedTable: 'Status', formula: "ARRAYJOIN(values, '|')" } });
  await addField('Projects', { name: 'Over', type: 'formula', options: { formula: 'IF({Total hours} > {Budget}, "over", "ok")' } });
  await addField('Tasks', { name: 'Project name', type: 'multipleLookupValues', options: { recordLinkFieldId: 'Project', fieldIdInLinkedTable: 'Name' } });
  await addField('Tasks', { name: 'Label', type: 'formula', options: { formula: '{Title} & " @ " & {Project}' } });
  await addField('Tasks', { name: 'Title changed', type: 'lastModifiedTime', options: { referencedFieldIds: ['Title'] } });
});
afterAll(async () => server?.stop());

describe('computed fields and links', () => {
  it('keeps links symmetric and recomputes counts, lookups, rollups and formulas across tables', async () => {
    const project = (await post('Projects', { Name: 'Apollo', Budget: 10 })).body;
    expect(project.fields).toMatchObject({ 'Task count': 0, Over: 'ok' });
    const a = (await post('Tasks', { Title: 'A', Hours: 4, Status: 'Open', Project: [project.id] })).body;
    const b = (await post('Tasks', { Title: 'B', Hours: 8, Status: 'Closed', Project: [project.id] })).body;
    expect(a.fields['Project name']).toEqual(['Apollo']);
    expect(a.fields.Label).toBe('A @ Apollo');
    let read = await get('Projects', project.id);
    expect(read.fields).toMatchObject({ Tasks: [a.id, b.id], 'Task count': 2, 'Task titles': ['A', 'B'], 'Total hours': 12, Open: 'Open|Closed', Over: 'over' });

    await patch('Tasks', a.id, { Hours: 1, Title: 'A2' });
    read = await get('Projects', project.id);
    expect(read.fields).toMatchObject({ 'Task titles': ['A2', 'B'], 'Total hours': 9, Over: 'ok' });

    await patch('Projects', project.id, { Name: 'Artemis' });
    expect((await get('Tasks', b.id)).fields).toMatchObject({ 'Project name': ['Artemis'], Label: 'B @ Artemis' });

    await patch('Tasks', b.id, { Project: [] });
    read = await get('Projects', project.id);
    expect(read.fields).toMatchObject({ Tasks: [a.id], 'Task count': 1, 'Total hours': 1 });
    expect((await get('Tasks', b.id)).fields['Project name']).toBeUndefined();

    const deleted = await server.call('DELETE', `/v0/${baseId}/Tasks/${a.id}`);
    expect(deleted.body).toEqual({ id: a.id, deleted: true });
    read = await get('Projects', project.id);
    expect(read.fields.Tasks).toBeUndefined();
    expect(read.fields['Task count']).toBe(0);
  });

  it('writing the inverse side updates the other side', async () => {
    const task = (await post('Tasks', { Title: 'C', Hours: 2 })).body;
    const project = (await post('Projects', { Name: 'Gemini', Tasks: [task.id] })).body;
    expect(project.fields['Total hours']).toBe(2);
    expect((await get('Tasks', task.id)).fields).toMatchObject({ Project: [project.id], 'Project name': ['Gemini'] });
    await server.call('DELETE', `/v0/${baseId}/Projects?records[]=${project.id}`);
    expect((await get('Tasks', task.id)).fields.Project).toBeUndefined();
  });

  it('links to missing records fail the whole write with ROW_DOES_NOT_EXIST', async () => {
    const response = await server.call('POST', `/v0/${baseId}/Tasks`, {
      records: [{ fields: { Title: 'ok' } }, { fields: { Title: 'bad', Project: ['recAAAAAAAAAAAAAA'] } }],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.type).toBe('ROW_DOES_NOT_EXIST');
    const list = await server.call('GET', `/v0/${baseId}/Tasks?filterByFormula=${encodeURIComponent("{Title}='ok'")}`);
    expect(list.body.records).toHaveLength(0);
    const notArray = await post('Tasks', { Project: 'recAAAAAAAAAAAAAA' });
    expect(notArray.body.error).toMatchObject({ type: 'INVALID_VALUE_FOR_COLUMN' });
  });

  it('typecast links by primary value, creating missing records', async () => {
    const existing = (await post('Projects', { Name: 'Mercury' })).body;
    const task = (await post('Tasks', { Title: 'D', Project: ['Mercury', 'Vostok'] }, true)).body;
    expect(task.fields.Project[0]).toBe(existing.id);
    const created = await get('Projects', task.fields.Project[1]);
    expect(created.fields).toMatchObject({ Name: 'Vostok', Tasks: [task.id] });
  });

  it('lastModifiedTime on chosen fields moves only when they change', async () => {
    const task = (await post('Tasks', { Title: 'E' })).body;
    const first = task.fields['Title changed'];
    expect(first).toBe(task.createdTime);
    await new Promise((resolve) => setTimeout(resolve, 15));
    await patch('Tasks', task.id, { Hours: 3 });
    expect((await get('Tasks', task.id)).fields['Title changed']).toBe(first);
    await patch('Tasks', task.id, { Title: 'E2' });
    expect((await get('Tasks', task.id)).fields['Title changed']).not.toBe(first);
  });

  it('a new computed field is filled for existing records', async () => {
    await post('Tasks', { Title: 'F', Hours: 5 });
    await addField('Tasks', { name: 'Half', type: 'formula', options: { formula: 'Hours / 2' } });
    const list = await server.call('GET', `/v0/${baseId}/Tasks?filterByFormula=${encodeURIComponent("{Title}='F'")}`);
    expect(list.body.records[0].fields.Half).toBe(2.5);
    const schema = await server.call('GET', `/v0/meta/bases/${baseId}/tables`);
    const half = schema.body.tables[1].fields.find((field: Json) => field.name === 'Half');
    expect(half.options).toMatchObject({ isValid: true, result: { type: 'number' } });
    expect(half.options.formula).toMatch(/^\{fld[A-Za-z0-9]{14}\} \/ 2$/);
  });

  it('formula errors and special values are Airtable’s error cells', async () => {
    await addField('Tasks', { name: 'Broken', type: 'formula', options: { formula: 'IF({Hours} > 100, ERROR(), {Hours} / 0)' } });
    const task = (await post('Tasks', { Title: 'G', Hours: 3 })).body;
    expect(task.fields.Broken).toEqual({ specialValue: 'Infinity' });
    const big = (await patch('Tasks', task.id, { Hours: 200 })).body;
    expect(big.fields.Broken).toEqual({ error: '#ERROR!' });
  });

  it('clock formulas (NOW) are computed again at read time', async () => {
    await addField('Tasks', { name: 'Now', type: 'formula', options: { formula: 'NOW()' } });
    await addField('Tasks', { name: 'Age ms', type: 'formula', options: { formula: "DATETIME_DIFF({Now}, CREATED_TIME(), 'ms')" } });
    const task = (await post('Tasks', { Title: 'H' })).body;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const read = await get('Tasks', task.id);
    expect(Date.parse(read.fields.Now) - Date.parse(task.createdTime)).toBeGreaterThanOrEqual(1000);
    expect(read.fields['Age ms']).toBeGreaterThanOrEqual(1000);
  });

  it('self links have no inverse field and are removed when the target is deleted', async () => {
    const field = await addField('Tasks', { name: 'Blocks', type: 'multipleRecordLinks', options: { linkedTableId: tasksId } });
    expect(field.options.inverseLinkFieldId).toBeUndefined();
    const x = (await post('Tasks', { Title: 'X' })).body;
    const y = (await post('Tasks', { Title: 'Y', Blocks: [x.id] })).body;
    expect((await get('Tasks', x.id)).fields.Blocks).toBeUndefined();
    await server.call('DELETE', `/v0/${baseId}/Tasks/${x.id}`);
    expect((await get('Tasks', y.id)).fields.Blocks).toBeUndefined();
  });
});
