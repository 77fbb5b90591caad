import type { Caller, RecordData } from '../../data';
import { scanRecords } from './records.scan';
import { findField, loadTable } from './schema.lookup';
import { planSync, syncedFields, type SyncPlan } from './sync.plan';
import type { DataToolDeps } from './tool.deps';
import { writeInChunks } from './write.chunks';

/** The arguments both steps read. */
export interface SyncArgs {
  source_base_id: string;
  source_table_id: string;
  target_base_id: string;
  target_table_id: string;
  key_field: string;
  fields?: string[];
  delete_missing: boolean;
  max_records: number;
}

/** Step 1: both tables read (the synced fields only) and the plan made. */
export async function readAndPlan(deps: DataToolDeps, caller: Caller, args: SyncArgs) {
  const scan = (baseId: string, tableId: string, fields: string[]) =>
    scanRecords({
      data: deps.data,
      caller,
      list: { baseId, tableIdOrName: tableId, fields: [...new Set(fields)] },
      max: args.max_records,
    });
  const source = await loadTable({
    data: deps.data,
    caller,
    baseId: args.source_base_id,
    table: args.source_table_id,
  });
  const target = await loadTable({
    data: deps.data,
    caller,
    baseId: args.target_base_id,
    table: args.target_table_id,
  });
  const key = findField(target.table, findField(source.table, args.key_field).name);
  const only = args.fields ? [...new Set([key.name, ...args.fields])] : undefined;
  const fields = syncedFields({
    source: source.table,
    target: target.table,
    key: key.name,
    ...(only ? { only } : {}),
  });
  const sourceNames = fields.map((field) => findField(source.table, field.name).name);
  const read = await scan(args.source_base_id, source.table.id, sourceNames);
  // Source cells re-keyed by the target's field names.
  const sourceRecords: RecordData[] = read.records.map((record) => ({
    ...record,
    fields: Object.fromEntries(
      fields.map((field, index) => [field.name, record.fields[sourceNames[index]!]]),
    ),
  }));
  const existing = await scan(args.target_base_id, target.table.id, [
    key.name,
    ...fields.map((field) => field.name),
  ]);
  const plan = planSync({
    source: sourceRecords,
    target: existing.records,
    key: key.name,
    targetKey: key.name,
    fields,
    deleteMissing: args.delete_missing,
  });
  return {
    plan,
    key,
    fields,
    targetTableId: target.table.id,
    counts: { source: read.records.length, target: existing.records.length },
    complete: read.complete && existing.complete,
  };
}

/** Step 2: the plan written to the target, 10 records per request; the change sets it stored. */
export async function applyPlan(
  deps: DataToolDeps & { size: number },
  caller: Caller,
  input: { baseId: string; tableId: string; plan: SyncPlan },
): Promise<string[]> {
  const on = { caller, baseId: input.baseId, tableIdOrName: input.tableId };
  const { plan } = input;
  const results = [
    ...(await writeInChunks({
      items: plan.create.map((item) => ({ fields: item.fields })),
      size: deps.size,
      write: (records) => deps.data.createRecords({ ...on, records, typecast: true }),
    })),
    ...(await writeInChunks({
      items: plan.update.map((item) => ({ id: item.id, fields: item.fields })),
      size: deps.size,
      write: (records) => deps.data.updateRecords({ ...on, records, mode: 'merge', typecast: true }),
    })),
    ...(await writeInChunks({
      items: plan.delete.map((item) => item.id),
      size: deps.size,
      write: (recordIds) => deps.data.deleteRecords({ ...on, recordIds }),
    })),
  ];
  return results.flatMap((result) => result.changeSetId ?? []);
}
