import type { AirtableWebhookPayload } from '@tableport/airtable';
import { z } from 'zod';
import type { RecordChange, SchemaChange } from '../../data.types';
import type { CacheKind } from '../cache/cache.kinds';
import type { TableLookup } from '../source/schema.lookup';
import { payloadCells } from './feed.cells';

const cells = z.record(z.string(), z.unknown()).optional();
// Tolerant, like every schema of someone else's answers: unknown keys pass, all parts optional.
const tableChangesSchema = z.looseObject({
  createdRecordsById: z.record(z.string(), z.looseObject({ createdTime: z.string().optional(), cellValuesByFieldId: cells })).optional(),
  changedRecordsById: z
    .record(
      z.string(),
      z.looseObject({
        current: z.looseObject({ cellValuesByFieldId: cells }).optional(),
        previous: z.looseObject({ cellValuesByFieldId: cells }).optional(),
      }),
    )
    .optional(),
  destroyedRecordIds: z.array(z.string()).optional(),
  createdFieldsById: z.record(z.string(), z.unknown()).optional(),
  changedFieldsById: z.record(z.string(), z.unknown()).optional(),
  destroyedFieldIds: z.array(z.string()).optional(),
  changedMetadata: z.unknown().optional(),
});

/** What one payload means for Tableport: record changes, schema changes, and what to uncache. */
export interface PayloadChanges {
  records: RecordChange[];
  schema: SchemaChange[];
  stale: Set<CacheKind>;
}

type TableChanges = z.output<typeof tableChangesSchema>;
type Pair = { current?: Record<string, unknown>; previous?: Record<string, unknown> };

/**
 * Turns one webhook payload into the record and schema changes the store would have journaled
 * (`record.*`, `table.*`, `field.*` events), cells converted to the records API's form.
 */
export function payloadChanges(payload: AirtableWebhookPayload, lookupOf: (tableId: string) => TableLookup | undefined): PayloadChanges {
  const out: PayloadChanges = { records: [], schema: [], stale: new Set() };
  for (const [tableId, raw] of Object.entries(payload.changedTablesById ?? {})) {
    const parsed = tableChangesSchema.safeParse(raw);
    if (!parsed.success) continue;
    const records = recordChanges(tableId, parsed.data, lookupOf(tableId));
    const schema = schemaChanges(tableId, parsed.data);
    out.records.push(...records);
    out.schema.push(...schema);
    if (schema.length > 0 || (parsed.data.destroyedFieldIds ?? []).length > 0) out.stale.add('schema');
    if (out.stale.has('schema') || records.length > 0) out.stale.add('records');
  }
  for (const [tableId, created] of Object.entries(payload.createdTablesById ?? {})) {
    out.schema.push({ type: 'table.created', tableId, after: { id: tableId, ...((created as { metadata?: object }).metadata ?? {}) } });
    out.stale.add('schema');
  }
  if ((payload.destroyedTableIds ?? []).length > 0) out.stale.add('schema').add('records');
  return out;
}

function recordChanges(tableId: string, table: TableChanges, lookup: TableLookup | undefined): RecordChange[] {
  const convert = (values: Record<string, unknown> | undefined) => (lookup ? payloadCells(lookup, values) : { ...values });
  const created = Object.entries(table.createdRecordsById ?? {}).map(([recordId, record]): RecordChange => {
    const [after, computed] = splitComputed(convert(record.cellValuesByFieldId), lookup);
    return {
      tableId,
      recordId,
      op: 'create',
      before: null,
      after,
      cause: 'write',
      ...(Object.keys(computed).length > 0 ? { computed: { before: {}, after: computed } } : {}),
      ...(record.createdTime ? { createdTime: record.createdTime } : {}),
    };
  });
  const changed = Object.entries(table.changedRecordsById ?? {}).map(([recordId, change]): RecordChange => {
    const current = convert(change.current?.cellValuesByFieldId);
    const previous = convert(change.previous?.cellValuesByFieldId);
    const before = Object.fromEntries(Object.keys(current).map((fieldId) => [fieldId, previous[fieldId] ?? null]));
    const [after, computedAfter] = splitComputed(current, lookup);
    const [written, computedBefore] = splitComputed(before, lookup);
    // Only computed cells changed (a formula over a linked record): the store's cause for that.
    if (Object.keys(after).length === 0 && Object.keys(computedAfter).length > 0) {
      return { tableId, recordId, op: 'update', before: computedBefore, after: computedAfter, cause: 'compute' };
    }
    return {
      tableId,
      recordId,
      op: 'update',
      before: written,
      after,
      cause: 'write',
      ...(Object.keys(computedAfter).length > 0 ? { computed: { before: computedBefore, after: computedAfter } } : {}),
    };
  });
  const destroyed = (table.destroyedRecordIds ?? []).map(
    (recordId): RecordChange => ({ tableId, recordId, op: 'delete', before: null, after: null, cause: 'write' }),
  );
  return [...created, ...changed, ...destroyed];
}

/**
 * Splits cells into the ones a client wrote and the computed ones (formula, lookup, rollup, ...),
 * as the store journals them: change sets (undo) keep only the first, events show both.
 */
function splitComputed(cells: Record<string, unknown>, lookup: TableLookup | undefined): [Record<string, unknown>, Record<string, unknown>] {
  if (!lookup) return [cells, {}];
  const written: Record<string, unknown> = {};
  const computed: Record<string, unknown> = {};
  for (const [fieldId, value] of Object.entries(cells)) {
    if (lookup.writable.has(fieldId) || !lookup.table.fields.some((field) => field.id === fieldId)) written[fieldId] = value;
    else computed[fieldId] = value;
  }
  return [written, computed];
}

function schemaChanges(tableId: string, table: TableChanges): SchemaChange[] {
  const created = Object.entries(table.createdFieldsById ?? {}).map(([fieldId, field]): SchemaChange => ({
    type: 'field.created',
    tableId,
    fieldId,
    after: { id: fieldId, ...(field as object) },
  }));
  const changed = Object.entries(table.changedFieldsById ?? {}).map(([fieldId, change]): SchemaChange => {
    const { current, previous } = change as Pair;
    return { type: 'field.updated', tableId, fieldId, before: previous ?? null, after: { id: fieldId, ...current } };
  });
  const metadata = table.changedMetadata as Pair | undefined;
  const renamed: SchemaChange[] = metadata
    ? [{ type: 'table.updated', tableId, before: metadata.previous ?? null, after: { ...metadata.current } }]
    : [];
  return [...created, ...changed, ...renamed];
}
