import { AppError } from '@tableport/contracts';
import { accessBase } from './data.access';
import { createCallJournal } from './data.journal';
import type { ChangeSet, DataService, DataServiceDeps } from './data.service';

type RecordOps = Pick<
  DataService,
  'listRecords' | 'getRecord' | 'createRecords' | 'updateRecords' | 'upsertRecords' | 'deleteRecords' | 'getChangeSet'
>;

/** The record half of the data service. */
export function dataRecordOps(deps: DataServiceDeps): RecordOps {
  const writer = async (caller: Parameters<typeof accessBase>[1]['caller'], baseId: string, operation: string) => {
    const access = await accessBase(deps, { caller, action: 'records.write', baseId });
    const call = createCallJournal({ events: deps.events, actor: access.actor, base: access.base, operation });
    return { ...access, call, context: { actor: access.actor, journal: call.journal } };
  };
  return {
    async listRecords({ caller, baseId, ...options }) {
      const { base, driver } = await accessBase(deps, { caller, action: 'records.read', baseId });
      return driver.listRecords({ base, ...options });
    },
    async getRecord({ caller, baseId, ...options }) {
      const { base, driver } = await accessBase(deps, { caller, action: 'records.read', baseId });
      return driver.getRecord({ base, ...options });
    },
    async createRecords({ caller, baseId, ...options }) {
      const { base, driver, call, context } = await writer(caller, baseId, 'records.create');
      const records = await driver.createRecords({ base, ...options, context });
      return { records, changeSetId: call.changeSetId() };
    },
    async updateRecords({ caller, baseId, ...options }) {
      const { base, driver, call, context } = await writer(caller, baseId, `records.${options.mode === 'replace' ? 'replace' : 'update'}`);
      const records = await driver.updateRecords({ base, ...options, context });
      return { records, changeSetId: call.changeSetId() };
    },
    async upsertRecords({ caller, baseId, ...options }) {
      const { base, driver, call, context } = await writer(caller, baseId, 'records.upsert');
      const result = await driver.upsertRecords({ base, ...options, context });
      return { ...result, changeSetId: call.changeSetId() };
    },
    async deleteRecords({ caller, baseId, ...options }) {
      const { base, driver, call, context } = await writer(caller, baseId, 'records.delete');
      const records = await driver.deleteRecords({ base, ...options, context });
      return { records, changeSetId: call.changeSetId() };
    },
    async getChangeSet({ caller, changeSetId }) {
      const found = await deps.db.query<{
        id: string;
        base_id: string;
        operation: string;
        actor: unknown;
        changes: ChangeSet['changes'];
        reverted_by: string | null;
        created_at: Date;
      }>('SELECT id, base_id, operation, actor, changes, reverted_by, created_at FROM data_change_sets WHERE id = $1', [changeSetId]);
      const row = found.rows[0];
      const notFound = new AppError({ code: 'change_set.not_found', message: `Could not find change set ${changeSetId}` });
      if (!row) throw notFound;
      await accessBase(deps, { caller, action: 'records.read', baseId: row.base_id }).catch((error: unknown) => {
        throw AppError.isInstance(error) && error.code === 'base.not_found' ? notFound : error;
      });
      return {
        id: row.id,
        baseId: row.base_id,
        operation: row.operation,
        actor: row.actor,
        changes: row.changes,
        revertedBy: row.reverted_by,
        createdAt: row.created_at.toISOString(),
      };
    },
  };
}
