import { describe, expect, it } from 'vitest';
import type { DataService } from '../data';
import type { CommentService } from '../data/comments';
import { createLogger } from '../infra/log/logger';
import { createDataCatalog } from './data-tools/data.catalog';
import { createScopeAuthorizer } from './testing/test-authorizer';
import { callTool } from './tools/tool.wrapper';

// Bad arguments must be refused before any data is touched: the data service here throws on any use.
const untouchable = new Proxy({} as DataService, {
  get: (_target, name) => () => Promise.reject(new Error(`data service called: ${String(name)}`)),
});
const { tools } = createDataCatalog({
  data: untouchable,
  comments: untouchable as unknown as CommentService,
});
const runtime = {
  authorizer: createScopeAuthorizer(),
  audit: { record: async () => undefined },
  logger: createLogger({ level: 'silent' }),
  maxResultBytes: 50_000,
};
const call = { principal: { kind: 'admin' as const, id: 'admin', userId: null, scopes: 'all' as const } };

const BASE = 'appAAAAAAAAAAAAAA';
const REC = 'recAAAAAAAAAAAAAA';
/** One bad call per tool and what the message must name. */
const CASES: Record<string, [Record<string, unknown>, string]> = {
  list_bases: [{ cursor: 5 }, 'cursor: Invalid input: expected string, received number'],
  list_tables: [
    { base_id: 'tblNotABase' },
    'base_id: expected a base id like "appXXXXXXXXXXXXXX" (call list_bases)',
  ],
  describe_table: [
    { base_id: BASE, table_id: 'T', detail_level: 'everything' },
    'detail_level: Invalid option',
  ],
  get_field_info: [{ base_id: BASE }, 'table_id: Invalid input: expected string, received undefined'],
  list_views: [
    { base_id: BASE, table_id: '' },
    'table_id: expected a table id (tbl…) or name (call list_tables)',
  ],
  get_records: [{ base_id: BASE, table_id: 'T', max_records: 0 }, 'max_records: Too small'],
  get_record: [
    { base_id: BASE, table_id: 'T', record_id: '42' },
    'record_id: expected a record id like "recXXXXXXXXXXXXXX"',
  ],
  search_records: [{ base_id: BASE, table_id: 'T', query: '   ' }, 'query: Too small'],
  create_record: [
    { base_id: BASE, table_id: 'T', fields: 'Name=x' },
    'fields: Invalid input: expected record',
  ],
  update_record: [
    { base_id: BASE, table_id: 'T', record_id: REC, fields: {}, dry_run: 'yes' },
    'dry_run: Invalid input: expected boolean',
  ],
  delete_record: [{ base_id: BASE, table_id: 'T', record_id: 'rec1' }, 'record_id: expected a record id'],
  batch_create_records: [{ base_id: BASE, table_id: 'T', records: [] }, 'records: Too small'],
  batch_update_records: [
    { base_id: BASE, table_id: 'T', records: [{ fields: { a: 1 } }] },
    'records[0].id: Invalid input',
  ],
  upsert_records: [
    { base_id: BASE, table_id: 'T', records: [{ fields: {} }], fields_to_merge_on: ['a', 'b', 'c', 'd'] },
    'fields_to_merge_on: Too big',
  ],
  delete_records: [
    { base_id: BASE, table_id: 'T', record_ids: Array.from({ length: 1001 }, () => REC) },
    'record_ids: Too big',
  ],
  create_table: [
    { base_id: BASE, name: 'T', fields: [{ name: 'A', type: 'text' }] },
    'fields[0].type: Invalid option',
  ],
  update_table: [{ base_id: BASE, table_id: 'T' }, 'arguments: give a name or a description'],
  create_field: [{ base_id: BASE, table_id: 'T', name: '', type: 'number' }, 'name: Too small'],
  update_field: [
    { base_id: BASE, table_id: 'T', field_id: 'fld', colour: 'red' },
    'Unrecognized key: "colour"',
  ],
  create_metadata_table: [{ base_id: BASE, table_name: '' }, 'table_name: Too small'],
  analyze_table_data: [{ base_id: BASE, table_id: 'T', sample_size: 5000 }, 'sample_size: Too big'],
  find_duplicates: [{ base_id: BASE, table_id: 'T', fields: [] }, 'fields: Too small'],
  export_table_csv: [
    { base_id: BASE, table_id: 'T', max_records: 1.5 },
    'max_records: Invalid input: expected int',
  ],
  sync_tables: [
    { source_base_id: BASE, source_table_id: 'A', target_base_id: BASE, target_table_id: 'B' },
    'key_field: Invalid input: expected string, received undefined',
  ],
  upload_attachment: [
    { base_id: BASE, table_id: 'T', record_id: REC, field: 'Files', base64: 'aGk=' },
    'filename: a base64 upload needs a filename',
  ],
  list_comments: [{ base_id: BASE, table_id: 'T', record_id: REC, cursor: '' }, 'cursor: Too small'],
  add_comment: [{ base_id: BASE, table_id: 'T', record_id: REC, text: '' }, 'text: Too small'],
  undo_change: [
    { change_set_ids: ['rec123'] },
    'change_set_ids[0]: expected a change set id like "chgXXXXXXXXXXXXXX"',
  ],
};

describe('bad arguments, every tool', () => {
  it('has a case for every tool', () => {
    expect(Object.keys(CASES).sort()).toEqual(tools.map((tool) => tool.name).sort());
  });

  it.each(tools.map((tool) => [tool.name, tool] as const))(
    '%s refuses with an actionable message',
    async (name, tool) => {
      const [args, fragment] = CASES[name]!;
      const result = await callTool({ tool, runtime, call, rawArgs: args });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      const text = (result.content as { text: string }[])[0]!.text;
      expect(text).toMatch(new RegExp(`^Error mcp\\.invalid_arguments: Invalid arguments for ${name}: `));
      expect(text).toContain(fragment);
      expect(text).toMatch(/Parameters: .*\(required\)|This tool takes no arguments|Parameters: cursor\./);
    },
  );
});
