import { isComputedFieldType } from '@tableport/contracts';
import { AppError } from '@tableport/contracts';
import type { FieldSchema, FieldValues, RecordData, TableSchema } from '../../data';
import { displayText } from './records.compact';
import { findField } from './schema.lookup';

/** What a sync would do: records to create, update (with the changed cells) and delete in the target. */
export interface SyncPlan {
  create: { key: string; fields: FieldValues }[];
  update: {
    id: string;
    key: string;
    fields: FieldValues;
    changes: Record<string, { before: unknown; after: unknown }>;
  }[];
  delete: { id: string; key: string }[];
  unchanged: number;
  duplicateSourceKeys: string[];
}

const NOT_COPIED = new Set(['multipleRecordLinks']);

/** The fields a sync copies: named in both tables, writable in the target, and not links (ids differ between tables). */
export function syncedFields(input: {
  source: TableSchema;
  target: TableSchema;
  key: string;
  only?: readonly string[];
}): FieldSchema[] {
  const names = input.only ?? input.source.fields.map((field) => field.name);
  return names.flatMap((name) => {
    const source = findField(input.source, name);
    const target = input.target.fields.find(
      (field) => field.name.toLowerCase() === source.name.toLowerCase(),
    );
    if (!target || isComputedFieldType(target.type) || NOT_COPIED.has(source.type)) {
      if (input.only)
        throw new AppError({
          code: 'mcp.invalid_arguments',
          message: `Field ${name} cannot be synced: the target table has no writable field of that name (links are never copied).`,
        });
      return [];
    }
    return [target];
  });
}

/** A source cell in the form writes take (attachments by URL, people by id). */
export function writable(value: unknown): unknown {
  if (!Array.isArray(value))
    return value && typeof value === 'object' && 'id' in value ? { id: value.id } : value;
  return value.map((item: unknown) => {
    if (!item || typeof item !== 'object') return item;
    const object = item as Record<string, unknown>;
    if (typeof object.url === 'string')
      return { url: object.url, ...(object.filename ? { filename: object.filename } : {}) };
    return typeof object.id === 'string' ? { id: object.id } : item;
  });
}

const comparable = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
    ? ''
    : displayText(value);
const keyOf = (record: RecordData, key: string) => displayText(record.fields[key]).trim().toLowerCase();

/** Matches source and target records on the key field and plans the changes. */
export function planSync(input: {
  source: readonly RecordData[];
  target: readonly RecordData[];
  key: string;
  targetKey: string;
  fields: readonly FieldSchema[];
  deleteMissing: boolean;
}): SyncPlan {
  const targets = new Map<string, RecordData>();
  for (const record of input.target)
    if (keyOf(record, input.targetKey)) targets.set(keyOf(record, input.targetKey), record);
  const plan: SyncPlan = { create: [], update: [], delete: [], unchanged: 0, duplicateSourceKeys: [] };
  const seen = new Set<string>();
  for (const record of input.source) {
    const key = keyOf(record, input.key);
    if (!key) continue;
    if (seen.has(key)) {
      plan.duplicateSourceKeys.push(key);
      continue;
    }
    seen.add(key);
    const fields = Object.fromEntries(
      input.fields.map((field) => [field.name, writable(record.fields[field.name]) ?? null]),
    );
    const existing = targets.get(key);
    if (!existing) {
      plan.create.push({
        key,
        fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => comparable(value) !== '')),
      });
      continue;
    }
    const changes = Object.fromEntries(
      input.fields
        .filter((field) => comparable(record.fields[field.name]) !== comparable(existing.fields[field.name]))
        .map((field) => [
          field.name,
          { before: existing.fields[field.name] ?? null, after: fields[field.name] },
        ]),
    );
    if (Object.keys(changes).length === 0) plan.unchanged++;
    else
      plan.update.push({
        id: existing.id,
        key,
        fields: Object.fromEntries(Object.keys(changes).map((name) => [name, fields[name]])),
        changes,
      });
  }
  if (input.deleteMissing)
    for (const [key, record] of targets) if (!seen.has(key)) plan.delete.push({ id: record.id, key });
  return plan;
}
