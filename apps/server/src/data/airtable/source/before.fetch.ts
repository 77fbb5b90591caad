import type { AirtableClient } from '@tableport/airtable';
import { and, compare, literal, or, type FormulaText } from '@tableport/formula';
import type { FieldValues, RecordData } from '../../data.types';

/** Record ids per lookup request: `OR(RECORD_ID()='rec…', …)` stays far below the URL limit. */
const IDS_PER_READ = 50;

const recordIdFormula = (ids: readonly string[]) => or(...ids.map((id) => `RECORD_ID()=${literal(id)}` as FormulaText));

/** Reads every record matching a formula, fields by id. */
async function readMatching(input: { client: AirtableClient; baseId: string; tableId: string; formula: string; cap: number }) {
  const page = await input.client.records.listAll({
    baseId: input.baseId,
    tableIdOrName: input.tableId,
    filterByFormula: input.formula,
    returnFieldsByFieldId: true,
    cap: { records: input.cap },
  });
  return page.records;
}

/**
 * Reads records by id, fields keyed by field id, in as few requests as the formula allows: the
 * before-state of an update or delete, for its change set (undo) and its events.
 */
export async function fetchByIds(input: {
  client: AirtableClient;
  baseId: string;
  tableId: string;
  ids: readonly string[];
}): Promise<Map<string, RecordData>> {
  const found = new Map<string, RecordData>();
  const unique = [...new Set(input.ids)];
  const reads = [];
  for (let start = 0; start < unique.length; start += IDS_PER_READ) {
    const ids = unique.slice(start, start + IDS_PER_READ);
    reads.push(readMatching({ ...input, formula: recordIdFormula(ids), cap: ids.length }));
  }
  for (const records of await Promise.all(reads)) for (const record of records) found.set(record.id, record);
  return found;
}

/**
 * Reads the records an upsert may update: those whose merge fields equal a written record's.
 * Records whose merge values are not plain (text, number, checkbox) are left out: their before
 * state stays unknown.
 */
export async function fetchByMergeFields(input: {
  client: AirtableClient;
  baseId: string;
  tableId: string;
  fieldsToMergeOn: readonly string[];
  records: ReadonlyArray<{ fields: FieldValues }>;
}): Promise<Map<string, RecordData>> {
  const plain = (value: unknown): value is string | number | boolean =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  const matches = input.records.flatMap((record) => {
    const values = input.fieldsToMergeOn.map((field) => record.fields[field]);
    if (!values.every(plain)) return [];
    return [and(...input.fieldsToMergeOn.map((field, index) => compare(field, '=', values[index] as string | number | boolean)))];
  });
  const found = new Map<string, RecordData>();
  for (let start = 0; start < matches.length; start += IDS_PER_READ) {
    const formula = or(...matches.slice(start, start + IDS_PER_READ));
    for (const record of await readMatching({ ...input, formula, cap: 1_000 })) found.set(record.id, record);
  }
  return found;
}
