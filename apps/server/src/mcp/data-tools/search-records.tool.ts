import { z } from 'zod';
import { decodeCursor, encodeCursor, type CursorScope } from '../tools/tool.cursor';
import { defineTool, type ToolContext } from '../tools/tool.types';
import { compactRecords } from './records.compact';
import {
  compactRecordSchema,
  recordListShape,
  recordListText,
  recordPaging,
  withPositions,
} from './records.output';
import { readRecordsPage } from './records.page';
import { combinedFormula, listQueryShape } from './records.query';
import { findField, loadTable } from './schema.lookup';
import { exactSearchFormula, searchableFields } from './search.fields';
import { SEARCH_SCAN_LIMIT, allOf, fuzzySearch, recordsByIds } from './search.run';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, fieldNames, table_id } from './tool.params';

const input = z
  .object({
    base_id,
    table_id,
    query: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .describe('Words to look for; typos and word order are tolerated'),
    fields: fieldNames
      .optional()
      .describe('Fields to search in; default: every text-like field, lookups included'),
    return_fields: fieldNames.optional().describe('Fields to return for each hit; default: all'),
    filter: listQueryShape.filter,
    filter_by_formula: listQueryShape.filter_by_formula,
    max_records: z.number().int().min(1).max(100).default(50).describe('Hits in this call (1-100)'),
    cursor: z.string().optional().describe('nextCursor from the previous call with the same arguments'),
  })
  .strict();
type Args = z.output<typeof input>;

const scopeOf = (args: Args): CursorScope => ({
  tool: 'search_records',
  query: { ...args, cursor: undefined },
});
const rankSchema = z.object({ rank: z.number().int().min(0) });

const output = z.object({
  ...recordListShape,
  records: z.array(compactRecordSchema.extend({ score: z.number().optional() })),
  mode: z.enum(['fuzzy', 'exact']),
  note: z.string(),
});
type Output = z.output<typeof output>;

async function exact(deps: DataToolDeps, args: Args, context: ToolContext, formula: string): Promise<Output> {
  const caller = callerOf(context);
  const page = await readRecordsPage({
    data: deps.data,
    caller,
    list: {
      baseId: args.base_id,
      tableIdOrName: args.table_id,
      filterByFormula: formula,
      ...(args.return_fields ? { fields: args.return_fields } : {}),
    },
    pageSize: args.max_records,
    ...(args.cursor ? { cursor: args.cursor } : {}),
    scope: scopeOf(args),
  });
  const { schema, table } = await loadTable({
    data: deps.data,
    caller,
    baseId: args.base_id,
    table: args.table_id,
  });
  const records = await compactRecords({
    data: deps.data,
    caller,
    baseId: args.base_id,
    schema,
    table,
    records: page.records,
  });
  const { positions: _p, records: _r, ...rest } = page;
  const note =
    'Exact search: this base is served by Airtable, which matches every word as a case-insensitive substring (SEARCH/FIND), without typo tolerance or ranking.';
  return withPositions({ records, count: records.length, ...rest, mode: 'exact' as const, note }, page);
}

/** search_records: fuzzy, ranked full-text search over text-like fields (exact on Airtable bases). */
export function searchRecordsTool(deps: DataToolDeps) {
  const exactPaging = recordPaging<Args, Output>(scopeOf);
  return defineTool({
    name: 'search_records',
    title: 'Search records',
    description:
      'Full-text search in a table: fuzzy and ranked (typos, accents and word order tolerated) across every text-like field, lookups included, or only `fields`. Narrow with `filter`/`filter_by_formula`. On bases served by real Airtable the search is exact (every word as a substring) and the result says so.',
    input,
    output,
    kind: 'read',
    action: 'records.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const { schema, table } = await loadTable({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const fields = args.fields ? args.fields.map((key) => findField(table, key)) : searchableFields(table);
      const prefilter = combinedFormula(args);
      const base = await deps.data.describeBase({ caller, baseId: args.base_id });
      if (base.driver === 'airtable')
        return exact(
          deps,
          { ...args, table_id: table.id },
          context,
          allOf(exactSearchFormula(fields, args.query), prefilter)!,
        );
      const start = args.cursor ? decodeCursor(scopeOf(args), args.cursor, rankSchema).rank : 0;
      const found = await fuzzySearch({
        data: deps.data,
        caller,
        baseId: args.base_id,
        tableId: table.id,
        fields,
        query: args.query,
        ...(prefilter ? { prefilter } : {}),
      });
      const hits = found.hits.slice(start, start + args.max_records);
      const raw = await recordsByIds({
        data: deps.data,
        caller,
        baseId: args.base_id,
        tableId: table.id,
        ids: hits.map((hit) => hit.id),
        ...(args.return_fields ? { fields: args.return_fields } : {}),
      });
      const compact = await compactRecords({
        data: deps.data,
        caller,
        baseId: args.base_id,
        schema,
        table,
        records: raw,
      });
      const scores = new Map(hits.map((hit) => [hit.id, hit.score]));
      const records = compact.map((record) => ({ ...record, score: scores.get(record.id) }));
      const hasMore = start + hits.length < found.hits.length;
      const limit = SEARCH_SCAN_LIMIT;
      const note = !found.widened
        ? `Fuzzy search over ${found.scanned} records, best first.`
        : `Fuzzy search (typos tolerated) over the first ${limit} records, then records containing a word exactly${found.complete ? '' : ` (the first ${limit} of them)`}; best first. A filter narrows the table.`;
      return {
        records,
        count: records.length,
        hasMore,
        ...(hasMore
          ? { nextCursor: encodeCursor(scopeOf(args), { rank: start + hits.length }) }
          : { total: found.hits.length }),
        mode: 'fuzzy' as const,
        note,
      };
    },
    text: (result) => `${result.note} ${recordListText(result)}`,
    paging: {
      items: (result) => result.records,
      cut: (cut) => {
        if (cut.output.mode === 'exact') return exactPaging.cut(cut);
        const start = cut.args.cursor ? decodeCursor(scopeOf(cut.args), cut.args.cursor, rankSchema).rank : 0;
        const { total: _total, ...rest } = cut.output;
        const nextCursor = encodeCursor(scopeOf(cut.args), { rank: start + cut.keep });
        return {
          ...rest,
          records: cut.output.records.slice(0, cut.keep),
          count: cut.keep,
          hasMore: true,
          nextCursor,
        };
      },
    },
  });
}
