/* eslint-disable @typescript-eslint/no-unsafe-return -- tool answers are untyped JSON read by assertions */
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDriverPair, type DriverPair } from '../data/airtable/testing/driver.fixture';
import { ADMIN_TOKEN, type Json } from '../data/test/v0.harness';
import { callError, callOk, callText, createFixtureBase } from './testing/data-tools.fixture';
import { connectHttpClient, type Lane } from './testing/mcp.test-server';

// Every tool of tools/list called on a base reached through the airtable driver (`upstream` plays
// Airtable with its 5 requests/s; Tableport serves the connected base over MCP). The lane tests run
// every tool on the local store; here each group of tools takes one lane, so the three are all used.
let pair: DriverPair;
let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
const clients: Client[] = [];
const connect = async (lane: Lane) => {
  const client = await connectHttpClient({ url: `${pair.tableport.url}/mcp`, token: ADMIN_TOKEN, lane });
  clients.push(client);
  return client;
};
beforeAll(async () => {
  pair = await startDriverPair();
  fixture = await createFixtureBase(pair.upstream, 'Upstream tools');
  await pair.connect(fixture.id);
}, 60_000);
afterAll(async () => {
  for (const client of clients) await client.close();
  await pair?.stop();
});

/** Records of an upstream table, read straight from upstream (paced with the driver). */
const upstreamRecords = async (table: string): Promise<Json[]> => {
  const answer = await pair.direct('GET', `/v0/${fixture.id}/${encodeURIComponent(table)}`);
  if (answer.status !== 200)
    throw new Error(`upstream ${table}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.records;
};
const namesOf = (records: Json[], field = 'Name') =>
  records.map((record) => record.fields[field] as string).sort();

describe('schema reads on a connected base (lane 2025-06-18)', () => {
  it('lists bases, tables, fields and views', async () => {
    const client = await connect('2025-06-18');
    const bases = await callOk(client, 'list_bases', {});
    expect(bases.bases.map((base: Json) => base.id)).toContain(fixture.id);
    const tables = await callOk(client, 'list_tables', {
      base_id: fixture.id,
      detail_level: 'identifiersOnly',
    });
    expect(tables).toMatchObject({
      table_count: 2,
      tables: [
        {
          name: 'Projects',
          fields: [{ name: 'Name' }, { name: 'Owner' }, { name: 'Notes' }, { name: 'Tasks' }],
        },
        { name: 'Tasks' },
      ],
    });
    const tasks = await callOk(client, 'describe_table', { base_id: fixture.id, table_id: 'Tasks' });
    expect(tasks.table.fields.find((field: Json) => field.name === 'Status')).toMatchObject({
      type: 'singleSelect',
      options: { choices: ['Open', 'Done'] },
    });
    const info = await callOk(client, 'get_field_info', { base_id: fixture.id, table_id: 'Tasks' });
    expect(info).toMatchObject({
      total_fields: 6,
      field_types: { singleSelect: 1, multipleLookupValues: 1 },
    });
    const views = await callOk(client, 'list_views', { base_id: fixture.id, table_id: 'Tasks' });
    expect(views.views[0]).toMatchObject({ id: expect.stringMatching(/^viw/), type: 'grid' });
  }, 60_000);
});

describe('analysis tools on a connected base (lane 2025-11-25)', () => {
  it('profiles, finds duplicates, exports CSV and searches', async () => {
    const client = await connect('2025-11-25');
    const analysis = await callOk(client, 'analyze_table_data', { base_id: fixture.id, table_id: 'Tasks' });
    expect(analysis.field_analysis.Points).toMatchObject({ fill_rate: 1, min: 3, max: 8 });
    const duplicates = await callOk(client, 'find_duplicates', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Status'],
    });
    expect(duplicates.duplicates).toMatchObject([
      {
        duplicate_values: { Status: 'Open' },
        record_count: 2,
        record_ids: [fixture.tasks[0], fixture.tasks[2]],
      },
    ]);
    const csv = await callText(client, 'export_table_csv', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Title', 'Project', 'Points'],
    });
    expect(csv.split('\n')[0]).toBe('Record ID,Title,Project,Points,Created Time');
    expect(csv).toContain(`${fixture.tasks[0]},Build rocket,Apollo,8,`);
    const hit = await callOk(client, 'search_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      query: 'crew',
      return_fields: ['Title'],
    });
    expect(hit).toMatchObject({
      mode: 'exact',
      records: [{ id: fixture.tasks[1], fields: { Title: 'Train crew' } }],
    });
  }, 60_000);
});

describe('record writes on a connected base (lane 2026-07-28)', () => {
  it('batches over 10 records in chunks, previews, upserts, and undoes it all', async () => {
    const client = await connect('2026-07-28');
    const table = { base_id: fixture.id, table_id: 'Projects' };
    const created = await callOk(client, 'batch_create_records', {
      ...table,
      records: Array.from({ length: 12 }, (_, n) => ({ Name: `Chunk ${n}` })),
    });
    expect(created).toMatchObject({ count: 12, dryRun: false });
    expect(created.changeSetIds).toHaveLength(2);
    const ids = created.records.map((record: Json) => record.id as string);
    const updates = ids.map((id: string) => ({ id, fields: { Notes: 'batched' } }));
    const preview = await callOk(client, 'batch_update_records', {
      ...table,
      records: updates,
      dry_run: true,
    });
    expect(preview.diff).toHaveLength(12);
    expect(preview.diff[0].changes).toEqual({ Notes: { before: null, after: 'batched' } });
    expect(preview.changeSetIds).toEqual([]);
    const updated = await callOk(client, 'batch_update_records', { ...table, records: updates });
    expect(updated.changeSetIds).toHaveLength(2);
    const upsert = {
      ...table,
      fields_to_merge_on: ['Name'],
      records: [
        ...Array.from({ length: 11 }, (_, n) => ({
          fields: { Name: `Chunk ${n}`, Owner: 'ops@example.com' },
        })),
        { fields: { Name: 'Chunk new', Owner: 'ops@example.com' } },
      ],
    };
    const upsertPreview = await callOk(client, 'upsert_records', { ...upsert, dry_run: true });
    expect(upsertPreview.diff.map((entry: Json) => entry.op)).toEqual([
      ...Array(11).fill('update'),
      'create',
    ]);
    const upserted = await callOk(client, 'upsert_records', upsert);
    expect(upserted.createdIds).toHaveLength(1);
    expect(upserted.updatedIds).toEqual(ids.slice(0, 11));
    expect(upserted.changeSetIds).toHaveLength(2);
    const upstream = await upstreamRecords('Projects');
    expect(upstream.filter((record) => record.fields.Owner === 'ops@example.com')).toHaveLength(12);
    expect(upstream.filter((record) => record.fields.Notes === 'batched')).toHaveLength(12);

    const undone = await callOk(client, 'undo_change', {
      change_set_ids: [...created.changeSetIds, ...updated.changeSetIds, ...upserted.changeSetIds],
    });
    expect(undone.reverted).toHaveLength(6);
    expect(namesOf(await upstreamRecords('Projects'))).toEqual(['Apollo', 'Gemini']);
  }, 120_000);

  it('deletes one record with a dry run first, and undo brings it back', async () => {
    const client = await connect('2026-07-28');
    const created = await callOk(client, 'create_record', {
      base_id: fixture.id,
      table_id: 'Projects',
      fields: { Name: 'Doomed', Notes: 'keep me' },
    });
    const record = { base_id: fixture.id, table_id: 'Projects', record_id: created.records[0].id };
    const preview = await callOk(client, 'delete_record', { ...record, dry_run: true });
    expect(preview.diff[0]).toMatchObject({
      op: 'delete',
      changes: { Name: { before: 'Doomed', after: null } },
    });
    expect(namesOf(await upstreamRecords('Projects'))).toContain('Doomed');
    const deleted = await callOk(client, 'delete_record', record);
    expect(namesOf(await upstreamRecords('Projects'))).not.toContain('Doomed');
    await callOk(client, 'undo_change', { change_set_ids: deleted.changeSetIds });
    const back = (await upstreamRecords('Projects')).find((item) => item.fields.Name === 'Doomed');
    expect(back.fields.Notes).toBe('keep me');
    await callOk(client, 'delete_record', { ...record, record_id: back.id });
  }, 60_000);
});

describe('schema writes on a connected base (lane 2025-11-25)', () => {
  it('creates and changes tables and fields, with dry runs, and builds the metadata table', async () => {
    const client = await connect('2025-11-25');
    const table = await callOk(client, 'create_table', {
      base_id: fixture.id,
      name: 'Notes',
      fields: [{ name: 'Text', type: 'singleLineText' }],
    });
    expect(table.table).toMatchObject({ id: expect.stringMatching(/^tbl/), name: 'Notes' });
    const field = await callOk(client, 'create_field', {
      base_id: fixture.id,
      table_id: 'Notes',
      name: 'Stars',
      type: 'rating',
      options: { max: 5, icon: 'star', color: 'yellowBright' },
    });
    expect(field.field).toMatchObject({ id: expect.stringMatching(/^fld/), name: 'Stars', type: 'rating' });
    const rename = { base_id: fixture.id, table_id: 'Notes', field_id: 'Stars', name: 'Score' };
    expect(await callOk(client, 'update_field', { ...rename, dry_run: true })).toMatchObject({
      dryRun: true,
      before: { name: 'Stars' },
      after: { name: 'Score' },
    });
    await callOk(client, 'update_field', rename);
    const retitle = {
      base_id: fixture.id,
      table_id: table.table.id,
      name: 'Memos',
      description: 'Short notes',
    };
    expect(await callOk(client, 'update_table', { ...retitle, dry_run: true })).toMatchObject({
      dryRun: true,
      after: { name: 'Memos' },
    });
    await callOk(client, 'update_table', retitle);
    const upstreamSchema = await pair.direct('GET', `/v0/meta/bases/${fixture.id}/tables`);
    expect(upstreamSchema.body.tables.find((item: Json) => item.id === table.table.id)).toMatchObject({
      name: 'Memos',
      description: 'Short notes',
      fields: [{ name: 'Text' }, { name: 'Score', type: 'rating' }],
    });

    const metadata = await callOk(client, 'create_metadata_table', { base_id: fixture.id });
    expect(metadata).toMatchObject({ table_created: true, records_created: 3 });
    const again = await callOk(client, 'create_metadata_table', { base_id: fixture.id });
    expect(again).toMatchObject({ table_created: false, records_created: 0, records_updated: 3 });
    expect(namesOf(await upstreamRecords('Table Metadata'), 'Table Name')).toEqual([
      'Memos',
      'Projects',
      'Tasks',
    ]);
  }, 120_000);
});

describe('comments and attachments on a connected base (lane 2026-07-28)', () => {
  it('reads and writes the comments Airtable keeps for the record', async () => {
    const client = await connect('2026-07-28');
    const record = { base_id: fixture.id, table_id: 'Tasks', record_id: fixture.tasks[0] };
    const added = await callOk(client, 'add_comment', { ...record, text: 'Looks good' });
    expect(added.comment).toMatchObject({ id: expect.stringMatching(/^com/), text: 'Looks good' });
    const upstream = await pair.direct('GET', `/v0/${fixture.id}/Tasks/${fixture.tasks[0]}/comments`);
    expect(upstream.body.comments).toEqual([added.comment]);
    expect(await callOk(client, 'list_comments', record)).toEqual({
      comments: [added.comment],
      hasMore: false,
    });
  });

  it('attaches a file by URL or as base64 after the files already there', async () => {
    const client = await connect('2026-07-28');
    await callOk(client, 'create_field', {
      base_id: fixture.id,
      table_id: 'Tasks',
      name: 'Files',
      type: 'multipleAttachments',
    });
    const args = { base_id: fixture.id, table_id: 'Tasks', record_id: fixture.tasks[1], field: 'Files' };
    await callOk(client, 'upload_attachment', { ...args, url: 'http://127.0.0.1:9/plan.pdf' });
    const second = await callOk(client, 'upload_attachment', {
      ...args,
      url: 'http://127.0.0.1:9/photo.png',
      filename: 'Photo.png',
    });
    expect(second.records[0].fields.Files.map((file: Json) => file.filename)).toEqual([
      'plan.pdf',
      'Photo.png',
    ]);
    expect(second.changeSetIds).toHaveLength(1);
    const third = await callOk(client, 'upload_attachment', {
      ...args,
      base64: Buffer.from('hello').toString('base64'),
      filename: 'hello.txt',
    });
    expect(third.changeSetIds).toHaveLength(1);
    const upstream = await pair.direct('GET', `/v0/${fixture.id}/Tasks/${fixture.tasks[1]}`);
    expect(upstream.body.fields.Files.map((file: Json) => file.filename)).toEqual([
      'plan.pdf',
      'Photo.png',
      'hello.txt',
    ]);
  }, 60_000);
});

describe('sync_tables between a local base and a connected base (lane 2025-06-18)', () => {
  it('plans, then copies local records into the Airtable table, and back', async () => {
    const client = await connect('2025-06-18');
    const local = await pair.tableport.createBase(
      [
        {
          name: 'Backlog',
          fields: [
            { name: 'Title', type: 'singleLineText' },
            { name: 'Points', type: 'number', options: { precision: 0 } },
          ],
        },
      ],
      'Local backlog',
    );
    await callOk(client, 'batch_create_records', {
      base_id: local.id,
      table_id: 'Backlog',
      records: [
        { Title: 'Build rocket', Points: 13 },
        { Title: 'Train crew', Points: 5 },
        { Title: 'Paint hull', Points: 2 },
      ],
    });
    const toAirtable = {
      source_base_id: local.id,
      source_table_id: 'Backlog',
      target_base_id: fixture.id,
      target_table_id: 'Tasks',
      key_field: 'Title',
    };
    const plan = await callOk(client, 'sync_tables', toAirtable);
    expect(plan).toMatchObject({
      dry_run: true,
      fields_synced: ['Title', 'Points'],
      sync_summary: { records_to_create: 1, records_to_update: 1, records_to_delete: 0, unchanged: 1 },
      changeSetIds: [],
    });
    const applied = await callOk(client, 'sync_tables', { ...toAirtable, dry_run: false });
    expect(applied.changeSetIds).toHaveLength(2);
    const tasks = await upstreamRecords('Tasks');
    expect(
      tasks
        .map((record) => [record.fields.Title, record.fields.Points])
        .sort((a, b) => a[0].localeCompare(b[0])),
    ).toEqual([
      ['Build rocket', 13],
      ['Dock capsules', 3],
      ['Paint hull', 2],
      ['Train crew', 5],
    ]);
    const back = await callOk(client, 'sync_tables', {
      source_base_id: fixture.id,
      source_table_id: 'Tasks',
      target_base_id: local.id,
      target_table_id: 'Backlog',
      key_field: 'Title',
      delete_missing: true,
      dry_run: false,
    });
    expect(back.sync_summary).toMatchObject({ records_to_create: 1, records_to_update: 0, unchanged: 3 });
    await callOk(client, 'undo_change', { change_set_ids: applied.changeSetIds });
    expect((await upstreamRecords('Tasks')).map((record) => record.fields.Title).sort()).toEqual([
      'Build rocket',
      'Dock capsules',
      'Train crew',
    ]);
    expect(
      await callError(client, 'sync_tables', { ...toAirtable, target_table_id: 'Nope', dry_run: false }),
    ).toMatch(/^Error (table|airtable)\.not_found/);
  }, 120_000);
});
