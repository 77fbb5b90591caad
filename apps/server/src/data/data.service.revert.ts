import { AppError, isComputedFieldType } from '@tableport/contracts';
import { literal, or, type FormulaText } from '@tableport/formula';
import { accessBase } from './data.access';
import type { ChangeSet, DataService, DataServiceDeps, RevertStep } from './data.service';
import type { FieldValues } from './data.types';

type Writes = Pick<DataService, 'getChangeSet' | 'listRecords' | 'createRecords' | 'updateRecords' | 'deleteRecords'>;
type Caller = Parameters<DataService['getChangeSet']>[0]['caller'];

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => (left < right ? -1 : 1)))
      : inner,
  );
const same = (left: unknown, right: unknown) => stable(left ?? null) === stable(right ?? null);

/** Records per read: `OR(RECORD_ID()='rec…', …)` of 50 ids stays far below Airtable's URL limit. */
const IDS_PER_READ = 50;

/**
 * The cells (by field id) of the records a change set touched, as they are now; a record gone is
 * absent. One list call per table and 50 records, so a connected base spends a request per 50
 * records rather than one per record.
 */
async function currentCells(service: Writes, input: { caller: Caller; changeSet: ChangeSet }): Promise<Map<string, FieldValues>> {
  const found = new Map<string, FieldValues>();
  const byTable = new Map<string, Set<string>>();
  for (const change of input.changeSet.changes) {
    if (change.op !== 'delete') byTable.set(change.tableId, (byTable.get(change.tableId) ?? new Set()).add(change.recordId));
  }
  for (const [tableId, recordIds] of byTable) {
    const ids = [...recordIds];
    for (let start = 0; start < ids.length; start += IDS_PER_READ) {
      const formula = or(...ids.slice(start, start + IDS_PER_READ).map((id) => `RECORD_ID()=${literal(id)}` as FormulaText));
      const target = { caller: input.caller, baseId: input.changeSet.baseId, tableIdOrName: tableId };
      for (const record of await readAll(service, { ...target, filterByFormula: formula })) found.set(record.id, record.fields);
    }
  }
  return found;
}

/** Every page of a list; a table gone (any driver's 404) has no records left. */
async function readAll(service: Writes, options: Parameters<Writes['listRecords']>[0]) {
  const records = [];
  let offset: string | undefined;
  try {
    do {
      const page = await service.listRecords({ ...options, returnFieldsByFieldId: true, pageSize: 100, ...(offset ? { offset } : {}) });
      records.push(...page.records);
      offset = page.offset;
    } while (offset);
  } catch (error) {
    if (AppError.isInstance(error) && error.status === 404) return [];
    throw error;
  }
  return records;
}

/** The inverse of one change, checked against the record as it is now. */
function stepFor(current: ReadonlyMap<string, FieldValues>, change: ChangeSet['changes'][number]): RevertStep {
  const { tableId, recordId } = change;
  const after = (change.after ?? {}) as FieldValues;
  const before = (change.before ?? {}) as FieldValues;
  if (change.op === 'delete') return { op: 'create', tableId, recordId, fields: before };
  const now = current.get(recordId) ?? null;
  const changed = now !== null && Object.keys(after).some((fieldId) => !same(now[fieldId], after[fieldId]));
  const conflict = now === null ? 'the record was deleted since' : changed ? 'the record was changed since' : undefined;
  if (change.op === 'create') return { op: 'delete', tableId, recordId, fields: {}, ...(conflict ? { conflict } : {}) };
  const fields = Object.fromEntries(Object.keys(after).map((fieldId) => [fieldId, before[fieldId] ?? null]));
  return { op: 'update', tableId, recordId, fields, ...(conflict ? { conflict } : {}) };
}

async function apply(service: Writes, caller: Caller, baseId: string, steps: readonly RevertStep[]): Promise<string[]> {
  const ids: (string | null)[] = [];
  for (const tableId of [...new Set(steps.map((step) => step.tableId))]) {
    const of = (op: RevertStep['op']) => steps.filter((step) => step.tableId === tableId && step.op === op);
    const target = { caller, baseId, tableIdOrName: tableId };
    const deletes = of('delete').map((step) => step.recordId);
    if (deletes.length) ids.push((await service.deleteRecords({ ...target, recordIds: deletes })).changeSetId);
    const updates = of('update').map((step) => ({ id: step.recordId, fields: step.fields }));
    if (updates.length) ids.push((await service.updateRecords({ ...target, records: updates, mode: 'merge' })).changeSetId);
    const creates = of('create').map((step) => ({ fields: step.fields }));
    if (creates.length) ids.push((await service.createRecords({ ...target, records: creates })).changeSetId);
  }
  return ids.filter((id): id is string => id !== null);
}

/**
 * Reverts a change set through the service's own writes (so the revert is journalled and can itself
 * be reverted): created records are deleted, updated cells get their before values, deleted records
 * are created again (with new ids). Records changed since are conflicts unless `force`.
 */
export function dataRevertOps(deps: DataServiceDeps, service: Writes): Pick<DataService, 'revertChangeSet'> {
  return {
    async revertChangeSet({ caller, changeSetId, dryRun, force }) {
      const changeSet = await service.getChangeSet({ caller, changeSetId });
      if (changeSet.revertedBy) {
        throw new AppError({
          code: 'change_set.already_reverted',
          message: `Change set ${changeSetId} was already reverted by ${changeSet.revertedBy}`,
          details: { revertedBy: changeSet.revertedBy },
        });
      }
      // A deleted record's `before` has every cell; only the writable ones can be written back.
      const { base, driver } = await accessBase(deps, { caller, action: 'records.write', baseId: changeSet.baseId });
      const schema = await driver.getBaseSchema({ base });
      const computed = new Set(schema.tables.flatMap((table) => table.fields.filter((field) => isComputedFieldType(field.type)).map((field) => field.id)));
      const current = await currentCells(service, { caller, changeSet });
      const steps = [...changeSet.changes].reverse().map((change): RevertStep => {
        const step = stepFor(current, change);
        return { ...step, fields: Object.fromEntries(Object.entries(step.fields).filter(([fieldId]) => !computed.has(fieldId))) };
      });
      const conflicts = steps.filter((step) => step.conflict);
      if (dryRun) return { changeSetId, steps, applied: false, revertChangeSetIds: [] };
      if (conflicts.length > 0 && !force) {
        const list = conflicts.map((step) => `${step.recordId}: ${step.conflict}`).join('; ');
        throw new AppError({ code: 'change_set.conflict', message: `Cannot revert ${changeSetId} cleanly: ${list}`, details: { conflicts } });
      }
      const runnable = steps.filter((step) => !(step.conflict === 'the record was deleted since'));
      const revertChangeSetIds = await apply(service, caller, changeSet.baseId, runnable);
      // A revert whose records were all deleted since changes nothing: it names itself.
      await deps.db.query('UPDATE data_change_sets SET reverted_by = $1 WHERE id = $2 AND reverted_by IS NULL', [
        revertChangeSetIds[0] ?? changeSetId,
        changeSetId,
      ]);
      return { changeSetId, steps, applied: true, revertChangeSetIds };
    },
  };
}
