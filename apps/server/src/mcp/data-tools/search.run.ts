import type { FormulaText } from '@tableport/formula';
import { and, literal } from '@tableport/formula';
import type { Caller, DataService, FieldSchema, RecordData } from '../../data';
import { createMatcher } from './search.fuzzy';
import { cellTexts } from './search.fields';

/** Most records one fuzzy search reads (after the optional filter, which runs in SQL). */
export const SEARCH_SCAN_LIMIT = 5000;

/** One fuzzy hit. */
export interface SearchHit {
  id: string;
  score: number;
}

/**
 * Fuzzy search on the local store: reads the searched fields of at most {@link SEARCH_SCAN_LIMIT}
 * records (pages of 100 through the data service; the caller's filter narrows them in SQL) and
 * ranks them in process. Returns every hit, best first, and how many records were read.
 */
export async function fuzzySearch(input: {
  data: DataService;
  caller: Caller;
  baseId: string;
  tableId: string;
  fields: readonly FieldSchema[];
  query: string;
  prefilter?: string;
}): Promise<{ hits: SearchHit[]; scanned: number; complete: boolean }> {
  const match = createMatcher(input.query);
  const hits: SearchHit[] = [];
  let scanned = 0;
  let offset: string | undefined;
  do {
    const page = await input.data.listRecords({
      caller: input.caller,
      baseId: input.baseId,
      tableIdOrName: input.tableId,
      fields: input.fields.map((field) => field.id),
      returnFieldsByFieldId: true,
      pageSize: 100,
      ...(input.prefilter ? { filterByFormula: input.prefilter } : {}),
      ...(offset ? { offset } : {}),
    });
    for (const record of page.records) {
      const score = match(input.fields.flatMap((field) => cellTexts(record.fields[field.id])));
      if (score > 0) hits.push({ id: record.id, score });
    }
    scanned += page.records.length;
    offset = page.offset;
  } while (offset && scanned < SEARCH_SCAN_LIMIT);
  hits.sort((left, right) => right.score - left.score);
  return { hits, scanned, complete: offset === undefined };
}

/** Reads the records of some ids (one list call per 50), in the given order. */
export async function recordsByIds(input: {
  data: DataService;
  caller: Caller;
  baseId: string;
  tableId: string;
  ids: readonly string[];
  fields?: readonly string[];
}): Promise<RecordData[]> {
  const found = new Map<string, RecordData>();
  for (let start = 0; start < input.ids.length; start += 50) {
    const ids = input.ids.slice(start, start + 50);
    const page = await input.data.listRecords({
      caller: input.caller,
      baseId: input.baseId,
      tableIdOrName: input.tableId,
      pageSize: 100,
      ...(input.fields ? { fields: input.fields } : {}),
      filterByFormula: `OR(${ids.map((id) => `RECORD_ID()=${literal(id)}`).join(',')})`,
    });
    for (const record of page.records) found.set(record.id, record);
  }
  return input.ids.flatMap((id) => found.get(id) ?? []);
}

/** AND of the present parts (undefined when none). */
export function allOf(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => Boolean(part));
  return present.length === 0 ? undefined : and(...(present as FormulaText[]));
}
