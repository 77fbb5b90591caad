import { AppError, isId } from '@tableport/contracts';
import type { DataSource } from '../data-source.types';
import { Evaluators } from './compute/compute.values';
import { resolveTable, type LocalContext } from './local.context';
import { fetchRows, type RecordRow } from './records/record.row';
import { createInTx } from './records/records.create';
import { deleteInTx } from './records/records.delete';
import { checkStringFormat } from './records/list.params';
import { listRecords } from './records/records.list';
import { presentRecords } from './records/records.present';
import { updateInTx } from './records/records.update';
import { upsertInTx } from './records/records.upsert';
import { readBack, runWrite, type WriteRunnerDeps } from './records/records.write';

type RecordOps = Pick<DataSource, 'listRecords' | 'getRecord' | 'createRecords' | 'updateRecords' | 'upsertRecords' | 'deleteRecords'>;

/** `record.not_found` (404 MODEL_ID_NOT_FOUND "Record not found"). */
export function recordNotFound(recordId: string): AppError {
  return new AppError({ code: 'record.not_found', message: 'Record not found', details: { recordId } });
}

/** Record operations of the local store. */
export function localRecordOps(context: LocalContext): RecordOps {
  const runner: WriteRunnerDeps = {
    db: context.db,
    services: context.services,
    engineFor: (base) => context.engineFor(base),
    onSchemaChanged: (baseId) => context.schemas.forget(baseId),
  };
  const pageDeps = { comments: context.comments, evaluators: new Evaluators() };
  return {
    async listRecords({ base, tableIdOrName, ...options }) {
      const { model, table } = await resolveTable(context, base, tableIdOrName);
      return listRecords({ db: context.db, deps: pageDeps, base: model, table, options });
    },
    async getRecord({ base, tableIdOrName, recordId, ...options }) {
      const { model, table } = await resolveTable(context, base, tableIdOrName);
      checkStringFormat(options);
      const rows = isId(recordId, 'rec') ? await fetchRows(context.db, { table, ids: [recordId] }) : new Map<string, RecordRow>();
      const row = rows.get(recordId);
      if (!row) throw recordNotFound(recordId);
      const call = { db: context.db, deps: pageDeps, base: model, table, options };
      return (await presentRecords(call, undefined, [row]))[0]!;
    },
    async createRecords({ base, tableIdOrName, records, typecast, returnFieldsByFieldId, context: write }) {
      const { model, table } = await resolveTable(context, base, tableIdOrName);
      return runWrite(runner, { base: model, context: write, typecast: typecast === true }, {
        operation: (state) => createInTx(state, { table, records }),
        present: (state, ids) => readBack(state, { table, ids, byFieldId: returnFieldsByFieldId === true }),
      });
    },
    async updateRecords({ base, tableIdOrName, records, mode, typecast, returnFieldsByFieldId, context: write }) {
      const { model, table } = await resolveTable(context, base, tableIdOrName);
      return runWrite(runner, { base: model, context: write, typecast: typecast === true }, {
        operation: (state) => updateInTx(state, { table, records, mode }),
        present: (state, ids) => readBack(state, { table, ids, byFieldId: returnFieldsByFieldId === true }),
      });
    },
    async upsertRecords({ base, tableIdOrName, records, fieldsToMergeOn, mode, typecast, returnFieldsByFieldId, context: write }) {
      const { model, table } = await resolveTable(context, base, tableIdOrName);
      return runWrite(runner, { base: model, context: write, typecast: typecast === true }, {
        operation: (state) => upsertInTx(state, { table, records, fieldsToMergeOn, mode }),
        present: async (state, result) => ({
          records: await readBack(state, { table, ids: result.ids, byFieldId: returnFieldsByFieldId === true }),
          createdRecords: result.created,
          updatedRecords: result.updated,
        }),
      });
    },
    async deleteRecords({ base, tableIdOrName, recordIds, context: write }) {
      const { model, table } = await resolveTable(context, base, tableIdOrName);
      return runWrite(runner, { base: model, context: write, typecast: false }, {
        operation: (state) => deleteInTx(state, { table, ids: recordIds }),
        present: async () => recordIds.map((id) => ({ id, deleted: true as const })),
      });
    },
  };
}
