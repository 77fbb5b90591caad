import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type V0Server } from '../data/test/v0.harness';
import { callError, callOk, callText, createFixtureBase } from './testing/data-tools.fixture';
import { LANES, connectHttpClient } from './testing/mcp.test-server';

let server: V0Server;
let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
beforeAll(async () => {
  server = await startV0Server();
  fixture = await createFixtureBase(server);
});
afterAll(async () => server?.stop());

describe.each(LANES)('data tools over Streamable HTTP, lane %s', (lane) => {
  let client: Client;
  beforeAll(async () => {
    client = await connectHttpClient({ url: `${server.url}/mcp`, token: ADMIN_TOKEN, lane });
  });
  afterAll(async () => client?.close());

  it('lists every tool and reads records compactly, links with their primary values', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['get_records', 'sync_tables', 'undo_change', 'upload_attachment']),
    );
    const bases = await callOk(client, 'list_bases', {});
    expect(bases.bases.map((base: { id: string }) => base.id)).toContain(fixture.id);
    const page = await callOk(client, 'get_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Title', 'Project', 'Project owner'],
      sort: [{ field: 'Title' }],
    });
    expect(page).toMatchObject({ count: 3, hasMore: false, total: 3 });
    expect(page.records[0]).toEqual({
      id: fixture.tasks[0],
      fields: {
        Title: 'Build rocket',
        Project: [{ id: fixture.projects.apollo, name: 'Apollo' }],
        'Project owner': ['ada@example.com'],
      },
    });
  });

  it('writes with a dry-run diff, records a change set and undoes it', async () => {
    const created = await callOk(client, 'create_record', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: { Title: `Lane ${lane}`, Points: 1 },
    });
    const id = created.records[0].id as string;
    const preview = await callOk(client, 'update_record', {
      base_id: fixture.id,
      table_id: 'Tasks',
      record_id: id,
      fields: { Points: 2 },
      dry_run: true,
    });
    expect(preview).toMatchObject({
      dryRun: true,
      diff: [{ op: 'update', id, changes: { Points: { before: 1, after: 2 } } }],
      changeSetIds: [],
    });
    const updated = await callOk(client, 'update_record', {
      base_id: fixture.id,
      table_id: 'Tasks',
      record_id: id,
      fields: { Points: 2 },
    });
    expect(updated.records[0].fields.Points).toBe(2);
    await callOk(client, 'undo_change', { change_set_ids: updated.changeSetIds });
    expect(
      (await callOk(client, 'get_record', { base_id: fixture.id, table_id: 'Tasks', record_id: id })).record
        .fields.Points,
    ).toBe(1);
    await callOk(client, 'undo_change', { change_set_ids: created.changeSetIds });
    expect(
      await callError(client, 'get_record', { base_id: fixture.id, table_id: 'Tasks', record_id: id }),
    ).toMatch(/^Error record\.not_found/);
  });
});

describe('data tools in depth (lane 2026-07-28)', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectHttpClient({ url: `${server.url}/mcp`, token: ADMIN_TOKEN, lane: '2026-07-28' });
  });
  afterAll(async () => client?.close());

  it('describes schemas at each detail level and serves the base schema resource', async () => {
    const names = await callOk(client, 'list_tables', { base_id: fixture.id });
    expect(names).toMatchObject({
      table_count: 2,
      tables: [
        { name: 'Projects', fieldCount: 4 },
        { name: 'Tasks', fieldCount: 6 },
      ],
    });
    expect(names.tables[0].fields).toBeUndefined();
    const tasks = await callOk(client, 'describe_table', { base_id: fixture.id, table_id: 'tasks' });
    expect(tasks.table.fields.find((field: { name: string }) => field.name === 'Status')).toMatchObject({
      type: 'singleSelect',
      options: { choices: ['Open', 'Done'] },
    });
    expect(
      tasks.table.fields.find((field: { name: string }) => field.name === 'Project').options,
    ).toMatchObject({ linkedTable: 'Projects' });
    const info = await callOk(client, 'get_field_info', { base_id: fixture.id, table_id: 'Tasks' });
    expect(info).toMatchObject({
      total_fields: 6,
      field_types: { singleSelect: 1, multipleLookupValues: 1 },
    });
    expect(
      (await callOk(client, 'list_views', { base_id: fixture.id, table_id: 'Tasks' })).views[0],
    ).toMatchObject({ type: 'grid' });
    const read = await client.readResource({ uri: `tableport://bases/${fixture.id}/schema` });
    expect(JSON.parse((read.contents[0] as { text: string }).text).tables).toHaveLength(2);
  });

  it('filters with a structured tree or a formula, sorts, and pages with a cursor', async () => {
    const filter = {
      and: [
        { field: 'Status', op: '=', value: 'Open' },
        { field: 'Points', op: '>', value: 2 },
      ],
    };
    const open = await callOk(client, 'get_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Title'],
      filter,
      sort: [{ field: 'Points', direction: 'desc' }],
    });
    expect(open.records.map((record: { fields: { Title: string } }) => record.fields.Title)).toEqual([
      'Build rocket',
      'Dock capsules',
    ]);
    const formula = await callOk(client, 'get_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Title'],
      filter_by_formula: "{Status}='Done'",
    });
    expect(formula.records).toHaveLength(1);
    const first = await callOk(client, 'get_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      page_size: 2,
      sort: [{ field: 'Title' }],
    });
    expect(first).toMatchObject({ count: 2, hasMore: true });
    expect(first.total).toBeUndefined();
    const second = await callOk(client, 'get_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      page_size: 2,
      sort: [{ field: 'Title' }],
      cursor: first.nextCursor,
    });
    expect(second).toMatchObject({ count: 1, hasMore: false, total: 3 });
    expect(
      await callError(client, 'get_records', {
        base_id: fixture.id,
        table_id: 'Tasks',
        page_size: 3,
        cursor: first.nextCursor,
      }),
    ).toMatch(/^Error mcp\.invalid_cursor/);
    const text = await callText(client, 'get_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Title', 'Project'],
      sort: [{ field: 'Title' }],
      page_size: 1,
    });
    expect(text.split('\n').slice(1)).toEqual([
      'id\tTitle\tProject',
      `${fixture.tasks[0]}\tBuild rocket\tApollo`,
    ]);
  });

  it('searches fuzzily across text fields and lookups, ranked', async () => {
    const typo = await callOk(client, 'search_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      query: 'rendezvus',
    });
    expect(typo).toMatchObject({ mode: 'fuzzy', count: 1, records: [{ id: fixture.tasks[2] }] });
    const lookup = await callOk(client, 'search_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      query: 'grace',
    });
    expect(lookup.records.map((record: { id: string }) => record.id)).toEqual([fixture.tasks[2]]);
    const ranked = await callOk(client, 'search_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      query: 'train',
      return_fields: ['Title'],
    });
    expect(ranked.records[0]).toMatchObject({ id: fixture.tasks[1], fields: { Title: 'Train crew' } });
  });
});
