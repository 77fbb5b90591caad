import { AppError, isComputedFieldType } from '@tableport/contracts';
import { accessBase } from './data.access';
import type { ChangeSet, DataService, DataServiceDeps, RevertStep } from './data.service';
import type { FieldValues } from './data.types';

type Writes = Pick<DataService, 'getChangeSet' | 'getRecord' | 'createRecords' | 'updateRecords' | 'deleteRecords'>;
type Caller = Parameters<DataService['getChangeSet']>[0]['caller'];

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => (left < right ? -1 : 1)))
      : inner,
  );
const same = (left: unknown, right: unknown) => stable(left ?? null) === stable(right ?? null);

async function currentCells(service: Writes, input: { caller: Caller; baseId: string; tableId: string; recordId: string }) {
  try {
    const record = await service.getRecord({ ...input, tableIdOrName: input.tableId, returnFieldsByFieldId: true });
    return record.fields;
  } catch (error) {
    // Any driver's 404 (the store's record.not_found, Airtable's own answer through its driver).
    if (AppError.isInstance(error) && error.status === 404) return null;
    throw error;
  }
}

/** The inverse of one change, checked against the record as it is now. */
async function stepFor(service: Writes, caller: Caller, changeSet: ChangeSet, change: ChangeSet['changes'][number]): Promise<RevertStep> {
  const { tableId, recordId } = change;
  const after = (change.after ?? {}) as FieldValues;
  const before = (change.before ?? {}) as FieldValues;
  if (change.op === 'delete') return { op: 'create', tableId, recordId, fields: before };
  const now = await currentCells(service, { caller, baseId: changeSet.baseId, tableId, recordId });
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
      const steps: RevertStep[] = [];
      for (const change of [...changeSet.changes].reverse()) {
        const step = await stepFor(service, caller, changeSet, change);
        steps.push({ ...step, fields: Object.fromEntries(Object.entries(step.fields).filter(([fieldId]) => !computed.has(fieldId))) });
      }
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
