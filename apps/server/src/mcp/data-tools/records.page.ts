import { z } from 'zod';
import type { Caller, DataService, ListRecordsOptions, RecordData } from '../../data';
import { decodeCursor, encodeCursor, type CursorScope } from '../tools/tool.cursor';

/** Where a listing resumes: the data service's page offset, records to skip in it, and records seen. */
const positionSchema = z.object({
  offset: z.string().optional(),
  skip: z.number().int().min(0),
  seen: z.number().int().min(0),
});
type Position = z.output<typeof positionSchema>;

/** One page of records as a tool shows it, with the position after each record (for budget cuts). */
export interface RecordsPage {
  records: RecordData[];
  hasMore: boolean;
  nextCursor?: string;
  /** Known when the listing ends on this page. */
  total?: number;
  /** `positions[i]` resumes after the first i records (`positions[0]` is where this page began). */
  positions: Position[];
}

/** The records of one tool call: `pageSize` from the cursor on, never more than `maxRecords` in all. */
export async function readRecordsPage(input: {
  data: DataService;
  caller: Caller;
  list: Omit<ListRecordsOptions, 'offset' | 'pageSize' | 'maxRecords'>;
  pageSize: number;
  maxRecords?: number;
  cursor?: string;
  scope: CursorScope;
}): Promise<RecordsPage> {
  const start: Position = input.cursor
    ? decodeCursor(input.scope, input.cursor, positionSchema)
    : { skip: 0, seen: 0 };
  const cap = input.maxRecords ?? Number.MAX_SAFE_INTEGER;
  const limit = Math.min(input.pageSize, cap - start.seen);
  const records: RecordData[] = [];
  const positions: Position[] = [start];
  let { offset, skip } = start;
  let more = false;
  while (records.length < limit) {
    // Always pages of 100, so a position's `skip` means the same on every call.
    const page = await input.data.listRecords({ caller: input.caller, ...input.list, pageSize: 100, offset });
    const rest = page.records.slice(skip, skip + limit - records.length);
    rest.forEach((record, index) => {
      records.push(record);
      const inPage = skip + index + 1;
      const seen = start.seen + records.length;
      positions.push(
        inPage === page.records.length
          ? { offset: page.offset, skip: 0, seen }
          : { offset, skip: inPage, seen },
      );
    });
    more = skip + rest.length < page.records.length || page.offset !== undefined;
    if (skip + rest.length < page.records.length || !page.offset) break;
    offset = page.offset;
    skip = 0;
  }
  const hasMore = more && start.seen + records.length < cap;
  return {
    records,
    hasMore,
    ...(hasMore
      ? { nextCursor: encodeCursor(input.scope, positions.at(-1)) }
      : { total: start.seen + records.length }),
    positions,
  };
}

/** The cursor that resumes after the first `keep` records of a page (the response budget's cut). */
export function cursorAfter(input: {
  scope: CursorScope;
  page: Pick<RecordsPage, 'positions'>;
  keep: number;
}): string {
  return encodeCursor(input.scope, input.page.positions[input.keep]);
}
