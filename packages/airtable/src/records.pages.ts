import type { AirtableRequestHandler } from './http.types';
import { listRecordPage, type ListRecordsParams } from './records.read';
import type { AirtableRecord } from './records.schema';

/** How much a multi-page read may fetch before it stops and reports truncation. */
export interface PageCap {
  /** Most records to return; `Infinity` reads everything. */
  records: number;
  /** Most pages (requests) to make; default unlimited. */
  pages?: number;
}

/** Parameters of `records.pages` and `records.listAll`: a list plus a cap the caller sets. */
export type ListAllRecordsParams = ListRecordsParams & { cap: PageCap };

/** One page yielded by `records.pages`. */
export interface CappedRecordPage {
  records: AirtableRecord[];
  pageIndex: number;
  /** True on the final page when the cap cut the result short: more records exist. */
  truncated: boolean;
  /** Cursor after this page, to resume later; absent on the last page or when the cap split it. */
  nextOffset?: string;
}

/** Result of `records.listAll`. */
export interface CappedRecordList {
  records: AirtableRecord[];
  truncated: boolean;
  nextOffset?: string;
}

/** Follows `offset` page by page until the last page or the cap; truncation is reported, never silent. */
export async function* iterateRecordPages(
  request: AirtableRequestHandler,
  params: ListAllRecordsParams,
): AsyncGenerator<CappedRecordPage, void, undefined> {
  const { cap, ...listParams } = params;
  let offset = params.offset;
  let count = 0;
  for (let pageIndex = 0; ; pageIndex += 1) {
    const page = await listRecordPage(request, { ...listParams, offset });
    const records = page.records.slice(0, Math.max(0, cap.records - count));
    count += records.length;
    const split = records.length < page.records.length;
    const capped = count >= cap.records || pageIndex + 1 >= (cap.pages ?? Infinity);
    const more = page.offset !== undefined;
    const last = !more || capped;
    const nextOffset = more && !split ? { nextOffset: page.offset } : {};
    yield { records, pageIndex, truncated: split || (more && capped), ...nextOffset };
    if (last) return;
    offset = page.offset;
  }
}

/** Reads pages into one list, up to the cap; `truncated` says whether records were left out. */
export async function listAllRecords(
  request: AirtableRequestHandler,
  params: ListAllRecordsParams,
): Promise<CappedRecordList> {
  const records: AirtableRecord[] = [];
  let result: CappedRecordList = { records, truncated: false };
  for await (const page of iterateRecordPages(request, params)) {
    records.push(...page.records);
    result = {
      records,
      truncated: page.truncated,
      ...(page.nextOffset ? { nextOffset: page.nextOffset } : {}),
    };
  }
  return result;
}
