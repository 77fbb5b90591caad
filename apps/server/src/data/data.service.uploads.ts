import { AppError } from '@tableport/contracts';
import { accessBase } from './data.access';
import { createCallJournal } from './data.journal';
import type { DataService, DataServiceDeps } from './data.service';

/**
 * Uploads through a driver that takes files itself (a connected base: Airtable's uploadAttachment),
 * checked and journaled like an update. The local store serves uploads from Tableport's own file
 * store instead (the attachments module writes their URL through `updateRecords`).
 */
export function dataUploadOps(deps: DataServiceDeps): Pick<DataService, 'uploadAttachment'> {
  return {
    async uploadAttachment({ caller, baseId, recordId, fieldIdOrName, file }) {
      const { base, driver, actor } = await accessBase(deps, { caller, action: 'records.write', baseId });
      if (!driver.uploadAttachment) {
        throw new AppError({
          code: 'request.invalid',
          message: `Base ${baseId} keeps uploaded files in Tableport's file store: write the file's URL to the cell`,
        });
      }
      const call = createCallJournal({ events: deps.events, actor, base, operation: 'records.update' });
      const record = await driver.uploadAttachment({ base, recordId, fieldIdOrName, file, context: { actor, journal: call.journal } });
      return { record, changeSetId: call.changeSetId() };
    },
  };
}
