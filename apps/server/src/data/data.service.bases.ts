import { accessBase } from './data.access';
import type { DataService, DataServiceDeps } from './data.service';

/** A base's registry entry for callers that adapt to its driver (MCP search is exact on Airtable). */
export function dataBaseOps(deps: DataServiceDeps): Pick<DataService, 'describeBase'> {
  return {
    async describeBase({ caller, baseId }) {
      const { base } = await accessBase(deps, { caller, action: 'records.read', baseId });
      return { id: base.id, name: base.name, workspaceId: base.workspaceId, driver: base.driver };
    },
  };
}
