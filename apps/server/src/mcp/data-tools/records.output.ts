import { z } from 'zod';
import { truncationSchema } from '../tools/tool.budget';
import type { CursorScope } from '../tools/tool.cursor';
import type { ToolPaging } from '../tools/tool.types';
import { displayText, type CompactRecord } from './records.compact';
import { cursorAfter, type RecordsPage } from './records.page';

/** A compact record in output schemas. */
export const compactRecordSchema = z.object({
  id: z.string(),
  fields: z.record(z.string(), z.unknown()).describe('Non-empty cells by field name; links as {id, name}'),
});

/** The page fields every record list result has (the model sees nextCursor, hasMore and total). */
export const recordListShape = {
  records: z.array(compactRecordSchema),
  count: z.number().int().describe('Records in this result'),
  hasMore: z.boolean(),
  nextCursor: z
    .string()
    .optional()
    .describe('Pass as `cursor` with the same arguments to get the next records'),
  total: z.number().int().optional().describe('All records of this listing, when known'),
  truncated: truncationSchema.optional(),
};

/** A record list result. */
export interface RecordList {
  records: CompactRecord[];
  count: number;
  hasMore: boolean;
  nextCursor?: string;
  total?: number;
}

const cellText = (value: unknown) =>
  displayText(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');

/** Records as a tab-separated table: a header of field names once, then one line per record. */
export function recordsTable(records: readonly CompactRecord[]): string {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record.fields)))];
  const lines = records.map((record) =>
    [record.id, ...columns.map((name) => cellText(record.fields[name]))].join('\t'),
  );
  return [['id', ...columns.map(cellText)].join('\t'), ...lines].join('\n');
}

/** The compact text form of a record list: a status line, then the table. */
export function recordListText(output: RecordList & { truncated?: { message: string } }): string {
  const status = output.hasMore
    ? `${output.count} records; more: call again with cursor "${output.nextCursor ?? ''}"`
    : `${output.count} records${output.total === undefined ? '' : ` (all ${output.total})`}`;
  const notes = output.truncated ? ` ${output.truncated.message}` : '';
  return output.count === 0 ? `${status}.${notes}` : `${status}.${notes}\n${recordsTable(output.records)}`;
}

const positionsOf = new WeakMap<object, RecordsPage['positions']>();

/** Keeps a page's positions beside its output, so a budget cut can make the cursor. */
export function withPositions<Output extends object>(output: Output, page: RecordsPage): Output {
  positionsOf.set(output, page.positions);
  return output;
}

/** The response budget's paging of record list tools. */
export function recordPaging<Args, Output extends RecordList>(
  scopeOf: (args: Args) => CursorScope,
): ToolPaging<Args, Output> {
  return {
    items: (output) => output.records,
    cut: ({ args, output, keep }) => {
      const positions = positionsOf.get(output) ?? [];
      const { total: _total, ...rest } = output;
      return {
        ...rest,
        records: output.records.slice(0, keep),
        count: keep,
        hasMore: true,
        nextCursor: cursorAfter({ scope: scopeOf(args), page: { positions }, keep }),
      } as Output;
    },
  };
}
