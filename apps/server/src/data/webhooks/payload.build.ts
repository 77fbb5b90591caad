import type { DomainEvent } from '@tableport/contracts';
import type { Cells, CreatedTable, TableChanges, ValueContext, WebhookPayload } from './payload.types';
import { v2Cells } from './payload.values';
import { sourceOf, type Specification } from './webhooks.spec';

type Draft = Omit<WebhookPayload, 'baseTransactionNumber'>;
type Kind = 'add' | 'remove' | 'update';

interface BuildInput {
  spec: Specification;
  /** The table `recordChangeScope` names (a view scopes to its table), or null for the whole base. */
  scopeTableId: string | null;
  /** The events of one committed transaction on the base. */
  events: readonly DomainEvent[];
  values: ValueContext;
}

const cellsOf = (value: unknown): Cells => (value && typeof value === 'object' ? (value as Cells) : {});
const withoutNulls = (cells: Cells): Cells => Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== null));

/** One webhook's payload for one base transaction, after its filters and includes; null when nothing passes. */
export function buildPayload(input: BuildInput): Draft | null {
  const { filters, includes = {} } = input.spec.options;
  const first = input.events[0];
  if (!first) return null;
  const source = sourceOf(first.actor.channel);
  if (filters.fromSources && !filters.fromSources.includes(source)) return null;
  const types = new Set(filters.dataTypes);
  const wants = (kind: Kind) => !filters.changeTypes || filters.changeTypes.includes(kind);
  const watchesSchema = (fieldId: unknown) => !filters.watchSchemasOfFieldIds || filters.watchSchemasOfFieldIds.includes(String(fieldId));
  const changed: Record<string, TableChanges> = {};
  const createdTables: Record<string, CreatedTable> = {};
  const table = (id: string) => (changed[id] ??= {});
  const values = input.values;
  for (const event of input.events) {
    const tableId = event.tableId;
    if (!tableId || (input.scopeTableId !== null && tableId !== input.scopeTableId)) continue;
    const payload = event.payload;
    if (event.type === 'record.created' && types.has('tableData') && wants('add')) {
      (table(tableId).createdRecordsById ??= {})[String(payload.recordId)] = {
        createdTime: String(payload.createdTime),
        cellValuesByFieldId: withoutNulls(v2Cells(values, cellsOf(payload.after))),
      };
    } else if (event.type === 'record.updated' && types.has('tableData')) {
      recordUpdate({ input, changes: table(tableId), event, wants });
    } else if (event.type === 'record.deleted' && types.has('tableData') && wants('remove')) {
      (table(tableId).destroyedRecordIds ??= []).push(String(payload.recordId));
    } else if (event.type === 'field.created' && types.has('tableFields') && wants('add') && watchesSchema(payload.fieldId)) {
      const after = cellsOf(payload.after);
      (table(tableId).createdFieldsById ??= {})[String(payload.fieldId)] = { name: String(after.name), type: String(after.type) };
    } else if (event.type === 'field.updated' && types.has('tableFields') && wants('update') && watchesSchema(payload.fieldId)) {
      const [before, after] = [cellsOf(payload.before), cellsOf(payload.after)];
      if (before.name !== after.name) {
        (table(tableId).changedFieldsById ??= {})[String(payload.fieldId)] = {
          current: { name: String(after.name) },
          ...(includes.includePreviousFieldDefinitions ? { previous: { name: String(before.name) } } : {}),
        };
      }
    } else if (event.type === 'table.updated' && types.has('tableMetadata') && wants('update')) {
      const [before, after] = [cellsOf(payload.before), cellsOf(payload.after)];
      const meta = (cells: Cells) => ({ name: String(cells.name), description: (cells.description as string | null) ?? null });
      table(tableId).changedMetadata = { current: meta(after), previous: meta(before) };
    } else if (event.type === 'table.created' && (types.has('tableFields') || types.has('tableMetadata')) && wants('add')) {
      createdTables[tableId] = createdTable(cellsOf(payload.after));
    }
  }
  return assemble({ first, source, values, changed, createdTables });
}

function recordUpdate(options: { input: BuildInput; changes: TableChanges; event: DomainEvent; wants: (kind: Kind) => boolean }): void {
  const { input, changes, event } = options;
  const { filters, includes = {} } = input.spec.options;
  const recordId = String(event.payload.recordId);
  const after = cellsOf(event.payload.after);
  const created = changes.createdRecordsById?.[recordId];
  // A record created and then updated in the same transaction (the other side of a link) is one creation.
  if (created) {
    Object.assign(created.cellValuesByFieldId, withoutNulls(v2Cells(input.values, after)));
    return;
  }
  if (!options.wants('update')) return;
  const watched = filters.watchDataInFieldIds;
  if (watched && !Object.keys(after).some((fieldId) => watched.includes(fieldId))) return;
  const entry = ((changes.changedRecordsById ??= {})[recordId] ??= { current: { cellValuesByFieldId: {} } });
  Object.assign(entry.current.cellValuesByFieldId, v2Cells(input.values, after));
  if (includes.includePreviousCellValues) {
    entry.previous = { cellValuesByFieldId: { ...v2Cells(input.values, cellsOf(event.payload.before)), ...(entry.previous?.cellValuesByFieldId ?? {}) } };
  }
  const wanted = includes.includeCellValuesInFieldIds;
  if (wanted) {
    const current = input.values.currentCells(recordId) ?? {};
    const ids = wanted === 'all' ? Object.keys(current) : wanted;
    const unchanged = Object.fromEntries(ids.filter((id) => !(id in entry.current.cellValuesByFieldId) && id in current).map((id) => [id, current[id]]));
    entry.unchanged = { cellValuesByFieldId: v2Cells(input.values, unchanged) };
  }
}

function createdTable(schema: Cells): CreatedTable {
  const fields = Array.isArray(schema.fields) ? (schema.fields as { id: string; name: string; type: string }[]) : [];
  return {
    metadata: { name: String(schema.name), description: (schema.description as string | undefined) ?? null },
    fieldsById: Object.fromEntries(fields.map((field) => [field.id, { name: field.name, type: field.type }])),
    recordsById: {},
  };
}

function assemble(options: {
  first: DomainEvent;
  source: WebhookPayload['actionMetadata']['source'];
  values: ValueContext;
  changed: Record<string, TableChanges>;
  createdTables: Record<string, CreatedTable>;
}): Draft | null {
  const changedTablesById = Object.fromEntries(Object.entries(options.changed).filter(([, changes]) => Object.keys(changes).length > 0));
  const hasChanges = Object.keys(changedTablesById).length > 0;
  const hasTables = Object.keys(options.createdTables).length > 0;
  if (!hasChanges && !hasTables) return null;
  const user = options.first.actor.kind === 'system' ? {} : { user: options.values.user(options.first.actor.userId ?? null) };
  return {
    timestamp: options.first.occurredAt,
    payloadFormat: 'v0',
    actionMetadata: { source: options.source, sourceMetadata: user },
    ...(hasChanges ? { changedTablesById } : {}),
    ...(hasTables ? { createdTablesById: options.createdTables } : {}),
  };
}
