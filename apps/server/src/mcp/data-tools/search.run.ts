import type { FormulaText } from '@tableport/formula';
import { and, literal, or } from '@tableport/formula';
import type { Caller, DataService, FieldSchema, RecordData } from '../../data';
import { cellTexts, exactSearchFormula } from './search.fields';
import { createMatcher, words } from './search.fuzzy';

/** Most records one fuzzy search reads (after the optional filter, which runs in SQL). */
export const SEARCH_SCAN_LIMIT = 5000;

/** One fuzzy hit. */
export interface SearchHit {
  id: string;
  score: number;
}

interface SearchInput {
  data: DataService;
  caller: Caller;
  baseId: string;
  tableId: string;
  fields: readonly FieldSchema[];
  query: string;
  prefilter?: string;
  /** Records read per pass (default {@link SEARCH_SCAN_LIMIT}). */
  limit?: number;
}

/** Reads the searched fields of up to `limit` records matching `filter` and scores them. */
async function scanAndScore(input: Omit<SearchInput, 'limit'> & { filter?: string; limit: number }) {
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
      pageSize: Math.min(100, input.limit),
      ...(input.filter ? { filterByFormula: input.filter } : {}),
      ...(offset ? { offset } : {}),
    });
    for (const record of page.records) {
      const score = match(input.fields.flatMap((field) => cellTexts(record.fields[field.id])));
      if (score > 0) hits.push({ id: record.id, score });
    }
    scanned += page.records.length;
    offset = page.offset;
  } while (offset && scanned < input.limit);
  return { hits, scanned, complete: offset === undefined };
}

/**
 * Fuzzy search on the local store: scores the searched fields of the first
 * {@link SEARCH_SCAN_LIMIT} records (the caller's filter narrows them in SQL). On a larger table, a
 * second pass reads only records that contain one of the words exactly (FIND formulas, pushed
 * down to SQL where the store can), so no exact match is missed past the first records; only
 * typo-tolerant matches are limited to those. Returns every hit, best first.
 */
export async function fuzzySearch(
  input: SearchInput,
): Promise<{ hits: SearchHit[]; scanned: number; complete: boolean; widened: boolean }> {
  const limit = input.limit ?? SEARCH_SCAN_LIMIT;
  const first = await scanAndScore({
    ...input,
    ...(input.prefilter ? { filter: input.prefilter } : {}),
    limit,
  });
  let { hits, scanned, complete } = first;
  const terms = words(input.query);
  const widened = !complete && terms.length > 0;
  if (widened) {
    const anyWord = or(...terms.map((term) => exactSearchFormula(input.fields, term)));
    const second = await scanAndScore({
      ...input,
      filter: allOf(anyWord, input.prefilter)!,
      limit,
    });
    const best = new Map(hits.map((hit) => [hit.id, hit]));
    for (const hit of second.hits) if ((best.get(hit.id)?.score ?? 0) < hit.score) best.set(hit.id, hit);
    hits = [...best.values()];
    scanned += second.scanned;
    complete = second.complete;
  }
  hits.sort((left, right) => right.score - left.score);
  return { hits, scanned, complete, widened };
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
