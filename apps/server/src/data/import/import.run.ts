import type { AirtableClient, AirtableField, AirtableTable } from '@tableport/airtable';
import type { Caller, DataService } from '../data.service';
import type { FieldConfig } from '../data.types';
import { createInBatches } from './batch.create';
import { plainCells } from './import.cells';
import { planImport, type ImportPlan, type Skipped } from './import.plan';
import { computedConfig } from './import.computed';

/** What an import did. Ids are new: the import is a copy (source id → new id in `tables`). */
export interface ImportReport {
  baseId: string;
  name: string;
  tables: { sourceId: string; id: string; name: string; records: number }[];
  skipped: Skipped[];
  rejectedRecords: { table: string; sourceId: string; message: string }[];
}

/** Where to copy from and into. */
export interface ImportOptions {
  source: AirtableClient;
  sourceBaseId: string;
  data: DataService;
  caller: Caller;
  name?: string;
  workspaceId?: string;
}

const BATCH = 10;

/**
 * Copies a base from any Airtable-compatible API (Airtable, another Tableport) into the local store
 * through the data service: tables with their plain fields, links (the store makes the inverse side,
 * renamed like the source's), records in tens, link cells, then computed fields in dependency order.
 */
export async function importAirtableBase(options: ImportOptions): Promise<ImportReport> {
  const { source, data, caller } = options;
  const plan = planImport(await source.meta.getBaseSchema({ baseId: options.sourceBaseId }));
  const name = options.name ?? (await baseName(source, options.sourceBaseId));
  const base = await data.createBase({ caller, name, tables: plan.tables.map((table) => table.config), ...(options.workspaceId ? { workspaceId: options.workspaceId } : {}) });
  const tableIds = new Map(plan.tables.map((table, index) => [table.source.id, base.tables[index]!.id]));
  const fieldIds = new Map<string, string>();
  plan.tables.forEach((table, index) => {
    for (const created of base.tables[index]!.fields) {
      const from = table.source.fields.find((field) => field.name === created.name);
      if (from) fieldIds.set(from.id, created.id);
    }
  });
  const report: ImportReport = { baseId: base.id, name, tables: [], skipped: [...plan.skipped], rejectedRecords: [] };
  const call = { data, caller, baseId: base.id };
  await createLinks(call, { plan, tableIds, fieldIds, report });
  const recordIds = await copyRecords(call, { source, sourceBaseId: options.sourceBaseId, plan, tableIds, fieldIds, report });
  await copyLinkCells(call, { plan, tableIds, fieldIds, recordIds: recordIds.ids, links: recordIds.links });
  for (const { table, field } of plan.computed) {
    const config = computedConfig(field, fieldIds);
    try {
      const created = await data.createField({ ...call, tableIdOrName: tableIds.get(table.id)!, field: config });
      fieldIds.set(field.id, created.id);
    } catch (error) {
      report.skipped.push({ table: table.name, field: field.name, reason: (error as Error).message });
    }
  }
  return report;
}

type Call = { data: DataService; caller: Caller; baseId: string };

async function baseName(source: AirtableClient, baseId: string): Promise<string> {
  let offset: string | undefined;
  do {
    const page = await source.meta.listBases(offset ? { offset } : {});
    const found = page.bases.find((base) => base.id === baseId);
    if (found) return found.name;
    offset = page.offset;
  } while (offset);
  return `Import of ${baseId}`;
}

async function createLinks(call: Call, input: { plan: ImportPlan; tableIds: Map<string, string>; fieldIds: Map<string, string>; report: ImportReport }): Promise<void> {
  for (const { table, field, inverse } of input.plan.links) {
    const linkedTableId = input.tableIds.get((field.options as { linkedTableId: string }).linkedTableId)!;
    const prefersSingleRecordLink = (field.options as { prefersSingleRecordLink?: boolean }).prefersSingleRecordLink === true;
    const config: FieldConfig = { name: field.name, type: 'multipleRecordLinks', options: { linkedTableId, prefersSingleRecordLink } };
    const created = await call.data.createField({ ...call, tableIdOrName: input.tableIds.get(table.id)!, field: config });
    input.fieldIds.set(field.id, created.id);
    const localInverse = (created.options as { inverseLinkFieldId?: string } | undefined)?.inverseLinkFieldId;
    if (!inverse || !localInverse) continue;
    input.fieldIds.set(inverse.id, localInverse);
    await call.data
      .updateField({ ...call, tableIdOrName: linkedTableId, fieldId: localInverse, changes: { name: inverse.name } })
      .catch((error: unknown) => input.report.skipped.push({ table: table.name, field: inverse.name, reason: `kept the store's name: ${(error as Error).message}` }));
  }
}

async function copyRecords(
  call: Call,
  input: { source: AirtableClient; sourceBaseId: string; plan: ImportPlan; tableIds: Map<string, string>; fieldIds: Map<string, string>; report: ImportReport },
): Promise<{ ids: Map<string, string>; links: Map<string, Record<string, unknown>> }> {
  const ids = new Map<string, string>();
  const links = new Map<string, Record<string, unknown>>();
  const linkFields = new Set(input.plan.links.map((link) => link.field.id));
  for (const { source: table, primaryAsText } of input.plan.tables) {
    const records = (await input.source.records.listAll({ baseId: input.sourceBaseId, tableIdOrName: table.id, returnFieldsByFieldId: true, cap: { records: Infinity } })).records;
    // Link cells are written once every record exists (only on the side the import created).
    const fields = table.fields.filter((field) => field.type !== 'multipleRecordLinks');
    const created = await createInBatches({
      items: records,
      size: BATCH,
      create: async (batch) => {
        const rows = batch.map((record) => ({ fields: plainCells({ source: record.fields, fields, ids: input.fieldIds, ...(primaryAsText ? { primaryAsText: table.primaryFieldId } : {}) }) }));
        return (await call.data.createRecords({ ...call, tableIdOrName: input.tableIds.get(table.id)!, records: rows, typecast: true })).records.map((record) => record.id);
      },
      rejected: (record, error) => input.report.rejectedRecords.push({ table: table.name, sourceId: record.id, message: error.message }),
    });
    records.forEach((record, index) => {
      const id = created[index];
      if (!id) return;
      ids.set(record.id, id);
      const cells = Object.fromEntries(Object.entries(record.fields).filter(([fieldId]) => linkFields.has(fieldId)));
      if (Object.keys(cells).length > 0) links.set(record.id, cells);
    });
    input.report.tables.push({ sourceId: table.id, id: input.tableIds.get(table.id)!, name: table.name, records: created.filter(Boolean).length });
  }
  return { ids, links };
}

async function copyLinkCells(
  call: Call,
  input: { plan: ImportPlan; tableIds: Map<string, string>; fieldIds: Map<string, string>; recordIds: Map<string, string>; links: Map<string, Record<string, unknown>> },
): Promise<void> {
  for (const { source: table } of input.plan.tables) {
    const updates = linkUpdates(table, input);
    for (let start = 0; start < updates.length; start += BATCH) {
      await call.data.updateRecords({ ...call, tableIdOrName: input.tableIds.get(table.id)!, records: updates.slice(start, start + BATCH), mode: 'merge' });
    }
  }
}

function linkUpdates(table: AirtableTable, input: { fieldIds: Map<string, string>; recordIds: Map<string, string>; links: Map<string, Record<string, unknown>> }) {
  const fields = new Map(table.fields.map((field): [string, AirtableField] => [field.id, field]));
  const updates: { id: string; fields: Record<string, string[]> }[] = [];
  for (const [sourceId, cells] of input.links) {
    const cellsHere = Object.entries(cells).filter(([fieldId]) => fields.has(fieldId));
    if (cellsHere.length === 0) continue;
    const mapped = Object.fromEntries(
      cellsHere.map(([fieldId, value]) => [input.fieldIds.get(fieldId)!, (value as string[]).map((id) => input.recordIds.get(id)).filter((id): id is string => Boolean(id))]),
    );
    updates.push({ id: input.recordIds.get(sourceId)!, fields: mapped });
  }
  return updates;
}
