/* eslint-disable @typescript-eslint/no-unsafe-return -- tool answers are untyped JSON read by assertions */
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../data/test/v0.harness';
import { callError, callOk, callText, createFixtureBase } from './testing/data-tools.fixture';
import { connectHttpClient } from './testing/mcp.test-server';

let server: V0Server;
let client: Client;
let fixture: Awaited<ReturnType<typeof createFixtureBase>>;
beforeAll(async () => {
  server = await startV0Server();
  fixture = await createFixtureBase(server);
  client = await connectHttpClient({ url: `${server.url}/mcp`, token: ADMIN_TOKEN, lane: '2025-11-25' });
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

const titles = async (table = 'Tasks') =>
  (
    await callOk(client, 'get_records', {
      base_id: fixture.id,
      table_id: table,
      fields: ['Title'],
      sort: [{ field: 'Title' }],
    })
  ).records.map((record: Json) => record.fields.Title as string);

describe('write tools', () => {
  it('chunks a batch of 25 into 3 driver writes and undoes all of them', async () => {
    const records = Array.from({ length: 25 }, (_, n) => ({
      fields: { Title: `Batch ${String(n).padStart(2, '0')}` },
    }));
    const created = await callOk(client, 'batch_create_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      records,
    });
    expect(created).toMatchObject({ count: 25, dryRun: false });
    expect(created.ids).toHaveLength(25);
    expect(created.changeSetIds).toHaveLength(3);
    const updates = created.ids.slice(0, 12).map((id: string) => ({ id, fields: { Points: 7 } }));
    const preview = await callOk(client, 'batch_update_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      records: updates,
      dry_run: true,
    });
    expect(preview.diff).toHaveLength(12);
    expect(preview.diff[0].changes).toEqual({ Points: { before: null, after: 7 } });
    const updated = await callOk(client, 'batch_update_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      records: updates,
    });
    expect(updated.changeSetIds).toHaveLength(2);
    const undone = await callOk(client, 'undo_change', {
      change_set_ids: [...created.changeSetIds, ...updated.changeSetIds],
      force: true,
    });
    expect(undone.reverted).toHaveLength(5);
    expect(await titles()).toEqual(['Build rocket', 'Dock capsules', 'Train crew']);
  });

  it('previews and applies deletes, and brings deleted records back with undo', async () => {
    const [, , dock] = fixture.tasks;
    const preview = await callOk(client, 'delete_records', {
      base_id: fixture.id,
      table_id: 'Tasks',
      record_ids: [dock],
      dry_run: true,
    });
    expect(preview.diff[0]).toMatchObject({
      op: 'delete',
      id: dock,
      changes: { Title: { before: 'Dock capsules', after: null } },
    });
    expect(
      await callText(client, 'delete_record', {
        base_id: fixture.id,
        table_id: 'Tasks',
        record_id: dock,
        dry_run: true,
      }),
    ).toMatch(/^Dry run: 1 records would change; nothing was written\.\ndelete rec/);
    const deleted = await callOk(client, 'delete_record', {
      base_id: fixture.id,
      table_id: 'Tasks',
      record_id: dock,
    });
    expect(await titles()).toEqual(['Build rocket', 'Train crew']);
    const preview2 = await callOk(client, 'undo_change', {
      change_set_ids: deleted.changeSetIds,
      dry_run: true,
    });
    expect(preview2.reverted[0].steps[0]).toMatchObject({ op: 'create', recordId: dock });
    await callOk(client, 'undo_change', { change_set_ids: deleted.changeSetIds });
    expect(await titles()).toEqual(['Build rocket', 'Dock capsules', 'Train crew']);
    expect(await callError(client, 'undo_change', { change_set_ids: deleted.changeSetIds })).toMatch(
      /^Error change_set\.already_reverted/,
    );
  });

  it('upserts on a merge field, with a dry run that tells creates from updates', async () => {
    const records = [
      { fields: { Title: 'Build rocket', Points: 13 } },
      { fields: { Title: 'Launch', Points: 1 } },
    ];
    const args = { base_id: fixture.id, table_id: 'Tasks', records, fields_to_merge_on: ['Title'] };
    const preview = await callOk(client, 'upsert_records', { ...args, dry_run: true });
    expect(preview.diff.map((entry: Json) => entry.op)).toEqual(['update', 'create']);
    const done = await callOk(client, 'upsert_records', args);
    expect(done.createdIds).toHaveLength(1);
    expect(done.updatedIds).toEqual([fixture.tasks[0]]);
    await callOk(client, 'undo_change', { change_set_ids: done.changeSetIds });
    expect(await titles()).toEqual(['Build rocket', 'Dock capsules', 'Train crew']);
  });

  it('changes the schema with dry runs', async () => {
    const table = await callOk(client, 'create_table', {
      base_id: fixture.id,
      name: 'Notes',
      fields: [{ name: 'Text', type: 'singleLineText' }],
    });
    const field = await callOk(client, 'create_field', {
      base_id: fixture.id,
      table_id: 'Notes',
      name: 'Stars',
      type: 'rating',
      options: { max: 5, icon: 'star', color: 'yellowBright' },
    });
    expect(field.field).toMatchObject({ name: 'Stars', type: 'rating' });
    const preview = await callOk(client, 'update_field', {
      base_id: fixture.id,
      table_id: 'Notes',
      field_id: 'Stars',
      name: 'Score',
      dry_run: true,
    });
    expect(preview).toMatchObject({ dryRun: true, before: { name: 'Stars' }, after: { name: 'Score' } });
    await callOk(client, 'update_field', {
      base_id: fixture.id,
      table_id: 'Notes',
      field_id: 'Stars',
      name: 'Score',
    });
    await callOk(client, 'update_table', {
      base_id: fixture.id,
      table_id: table.table.id,
      name: 'Memos',
      description: 'Short notes',
    });
    const described = await callOk(client, 'describe_table', {
      base_id: fixture.id,
      table_id: 'Memos',
      detail_level: 'identifiersOnly',
    });
    expect(described.table).toMatchObject({
      description: 'Short notes',
      fields: [{ name: 'Text' }, { name: 'Score' }],
    });
    expect(described.table.fields[0].type).toBeUndefined();
  });
});

describe('attachments', () => {
  it('adds a file by URL after the files already there, with a change set', async () => {
    await callOk(client, 'create_field', {
      base_id: fixture.id,
      table_id: 'Projects',
      name: 'Files',
      type: 'multipleAttachments',
    });
    const args = {
      base_id: fixture.id,
      table_id: 'Projects',
      record_id: fixture.projects.gemini,
      field: 'Files',
    };
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
    expect(
      await callError(client, 'upload_attachment', {
        ...args,
        field: 'Name',
        url: 'https://example.com/a.txt',
      }),
    ).toMatch(/not an attachment field/);
  });
});

describe('analysis tools', () => {
  it('profiles a table, finds duplicates, exports CSV and builds the metadata table', async () => {
    const analysis = await callOk(client, 'analyze_table_data', { base_id: fixture.id, table_id: 'Tasks' });
    expect(analysis.field_analysis.Points).toMatchObject({ fill_rate: 1, min: 3, max: 8 });
    expect(analysis.data_quality_insights.join(' ')).toContain('Notes is filled in only 33%');
    const duplicates = await callOk(client, 'find_duplicates', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Status'],
    });
    // Dock capsules came back from undo with a new id.
    expect(duplicates.duplicates).toMatchObject([
      {
        duplicate_values: { Status: 'Open' },
        record_count: 2,
        record_ids: [fixture.tasks[0], expect.stringMatching(/^rec/)],
      },
    ]);
    const csv = await callText(client, 'export_table_csv', {
      base_id: fixture.id,
      table_id: 'Projects',
      fields: ['Name', 'Notes'],
    });
    expect(csv.split('\n')[0]).toBe('Record ID,Name,Notes,Created Time');
    expect(csv).toContain(`${fixture.projects.apollo},Apollo,Moon landing,`);
    const tasks = await callText(client, 'export_table_csv', {
      base_id: fixture.id,
      table_id: 'Tasks',
      fields: ['Title', 'Project', 'Points'],
    });
    expect(tasks).toContain(',Build rocket,Apollo,8,');
    const metadata = await callOk(client, 'create_metadata_table', { base_id: fixture.id });
    expect(metadata).toMatchObject({ table_created: true, records_created: 3 });
    const again = await callOk(client, 'create_metadata_table', { base_id: fixture.id });
    expect(again).toMatchObject({ table_created: false, records_created: 0, records_updated: 3 });
  });

  it('syncs a table into another base: dry run first, then for real', async () => {
    const target = await server.createBase(
      [
        {
          name: 'Copy',
          fields: [
            { name: 'Title', type: 'singleLineText' },
            { name: 'Points', type: 'number', options: { precision: 0 } },
            { name: 'Extra', type: 'singleLineText' },
          ],
        },
      ],
      'Sync target',
    );
    await server.call('POST', `/v0/${target.id}/Copy`, {
      records: [{ fields: { Title: 'Train crew', Points: 1 } }, { fields: { Title: 'Stale' } }],
    });
    const args = {
      source_base_id: fixture.id,
      source_table_id: 'Tasks',
      target_base_id: target.id,
      target_table_id: 'Copy',
      key_field: 'Title',
      delete_missing: true,
    };
    const plan = await callOk(client, 'sync_tables', args);
    expect(plan).toMatchObject({
      dry_run: true,
      fields_synced: ['Title', 'Points'],
      sync_summary: { records_to_create: 2, records_to_update: 1, records_to_delete: 1 },
    });
    expect((await server.call('GET', `/v0/${target.id}/Copy`)).body.records).toHaveLength(2);
    const applied = await callOk(client, 'sync_tables', { ...args, dry_run: false });
    expect(applied.changeSetIds).toHaveLength(3);
    const copied = (
      await server.call('GET', `/v0/${target.id}/Copy?sort%5B0%5D%5Bfield%5D=Title`)
    ).body.records.map((record: Json) => [record.fields.Title, record.fields.Points]);
    expect(copied).toEqual([
      ['Build rocket', 8],
      ['Dock capsules', 3],
      ['Train crew', 5],
    ]);
    expect((await callOk(client, 'sync_tables', args)).sync_summary).toMatchObject({
      records_to_create: 0,
      records_to_update: 0,
      records_to_delete: 0,
      unchanged: 3,
    });
  });
});

describe('response budget', () => {
  it('cuts a large page, says so, and the cursor resumes exactly after the last record shown', async () => {
    const big = await server.createBase(
      [
        {
          name: 'Big',
          fields: [
            { name: 'Name', type: 'singleLineText' },
            { name: 'Body', type: 'multilineText' },
          ],
        },
      ],
      'Big',
    );
    const rows = Array.from({ length: 120 }, (_, n) => ({
      fields: { Name: `row ${String(n).padStart(3, '0')}`, Body: 'x'.repeat(900) },
    }));
    await callOk(client, 'batch_create_records', { base_id: big.id, table_id: 'Big', records: rows });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await callOk(client, 'get_records', {
        base_id: big.id,
        table_id: 'Big',
        sort: [{ field: 'Name' }],
        ...(cursor ? { cursor } : {}),
      });
      if (pages === 0) expect(page.truncated).toMatchObject({ of: 100, budgetBytes: 50_000 });
      seen.push(...page.records.map((record: Json) => record.fields.Name as string));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(rows.map((row) => row.fields.Name));
    expect(pages).toBeGreaterThan(2);
  });
});
