import { isDeepStrictEqual } from 'node:util';
import { AppError } from '@tableport/contracts';
import type { UpdateMode } from '../../data.types';
import { codecOf } from '../fields/codecs';
import { castParam, columnKind, sourceSql, toParam } from '../fields/field.storage';
import { recordTableSql, type FieldModel, type TableModel } from '../schema/schema.model';
import { ChoiceCollector } from './records.convert';
import { fieldByKey } from './records.fields';
import { createInTx } from './records.create';
import { updateInTx } from './records.update';
import type { WriteState } from './write.state';

const MERGEABLE = new Set([
  'singleLineText', 'multilineText', 'richText', 'email', 'url', 'phoneNumber', 'number', 'currency',
  'percent', 'duration', 'rating', 'singleSelect', 'multipleSelects', 'date', 'dateTime', 'checkbox',
]);

const invalid = (message: string) => new AppError({ code: 'upsert.invalid', message });

/** Resolves `fieldsToMergeOn`: 1 to 3 writable fields of the types Airtable merges on. */
export function mergeFields(table: TableModel, keys: readonly string[]): FieldModel[] {
  if (keys.length < 1 || keys.length > 3) throw invalid('fieldsToMergeOn must name 1 to 3 fields');
  return keys.map((key) => {
    const field = fieldByKey(table, key);
    if (!MERGEABLE.has(field.type)) throw invalid(`Field "${field.name}" (${field.type}) cannot be a merge field`);
    return field;
  });
}

function valueFor(fields: Record<string, unknown>, table: TableModel, field: FieldModel): { found: boolean; value: unknown } {
  for (const [key, value] of Object.entries<unknown>(fields)) if (fieldByKey(table, key).id === field.id) return { found: true, value };
  return { found: false, value: undefined };
}

async function matchKey(state: WriteState, table: TableModel, merge: FieldModel[], fields: Record<string, unknown>): Promise<unknown[] | null> {
  const key: unknown[] = [];
  const scratch = new ChoiceCollector();
  for (const field of merge) {
    const { found, value } = valueFor(fields, table, field);
    if (!found) throw invalid(`A record without an id must have a value for every merge field ("${field.name}" is missing)`);
    const services = { ...state.services, choices: scratch };
    const stored = await codecOf(field).write!({ field, value, typecast: state.typecast, existing: null, services });
    // Empty merge values never match (Airtable creates a new record).
    if (stored === null || (typeof stored === 'string' && [...scratch.requested.values()].some((entry) => [...entry.names.values()].includes(stored)))) return null;
    key.push(stored);
  }
  return key;
}

async function findMatches(state: WriteState, table: TableModel, merge: FieldModel[], key: unknown[]): Promise<string[]> {
  const params = key.map((value, index) => toParam(columnKind(merge[index]!)!, value));
  const conditions = merge.map((field, index) => `${sourceSql(field)} = ${castParam(columnKind(field)!, index + 1)}`);
  const result = await state.tx.query<{ id: string }>(
    `SELECT t.id FROM ${recordTableSql(table)} t WHERE ${conditions.join(' AND ')} ORDER BY t.seq LIMIT 2`,
    params,
  );
  return result.rows.map((row) => row.id);
}

/** performUpsert: records with an id update it; others update their single match or are created. */
export async function upsertInTx(
  state: WriteState,
  options: { table: TableModel; records: readonly { id?: string; fields: Record<string, unknown> }[]; fieldsToMergeOn: readonly string[]; mode: UpdateMode },
): Promise<{ ids: string[]; created: string[]; updated: string[] }> {
  const { table } = options;
  const merge = mergeFields(table, options.fieldsToMergeOn);
  const targets: (string | null)[] = [];
  const newKeys: unknown[][] = [];
  for (const record of options.records) {
    if (record.id) {
      targets.push(record.id);
      continue;
    }
    const key = await matchKey(state, table, merge, record.fields ?? {});
    const matches = key ? await findMatches(state, table, merge, key) : [];
    if (matches.length > 1) throw invalid('A record matches more than one existing record on the merge fields');
    if (matches.length === 0 && key) {
      if (newKeys.some((other) => isDeepStrictEqual(other, key))) throw invalid('Two records in the request have the same new merge key');
      newKeys.push(key);
    }
    targets.push(matches[0] ?? null);
  }
  const existing = targets.filter((id): id is string => id !== null);
  if (new Set(existing).size !== existing.length) throw invalid('Two records in the request update the same record');
  const updates = options.records.flatMap((record, index) => (targets[index] ? [{ id: targets[index], fields: record.fields ?? {} }] : []));
  if (updates.length > 0) await updateInTx(state, { table, records: updates, mode: options.mode });
  const creates = options.records.filter((_, index) => targets[index] === null);
  const createdIds = creates.length > 0 ? await createInTx(state, { table, records: creates }) : [];
  let next = 0;
  const ids = targets.map((id) => id ?? createdIds[next++]!);
  return { ids, created: createdIds, updated: [...new Set(existing)] };
}
