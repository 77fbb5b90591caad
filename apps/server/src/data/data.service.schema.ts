import { AppError, newId } from '@tableport/contracts';
import { actorOf } from '../gateway/actor';
import { ACTIONS } from '../platform/authz/authz.types';
import { accessBase, requireCaller } from './data.access';
import { createCallJournal } from './data.journal';
import { listBaseEntries, workspaceExists } from './data.registry';
import type { DataService, DataServiceDeps } from './data.service';
import type { BaseSummary } from './data.types';

type SchemaOps = Pick<
  DataService,
  'whoami' | 'listBases' | 'createBase' | 'getBaseSchema' | 'createTable' | 'updateTable' | 'createField' | 'updateField'
>;

/** Bases per page of `GET /v0/meta/bases` (Airtable: 1,000). */
const BASES_PER_PAGE = 1000;
/** The user id answered for the admin token, which has no user. */
const ADMIN_USER = 'usrTableportAdmin';

function permissionLevel(scopes: 'all' | readonly string[]): BaseSummary['permissionLevel'] {
  if (scopes === 'all' || scopes.includes('schema.bases:write')) return 'create';
  if (scopes.includes('data.records:write')) return 'edit';
  if (scopes.includes('data.recordComments:write')) return 'comment';
  return 'read';
}

/** The schema half of the data service. */
export function dataSchemaOps(deps: DataServiceDeps): SchemaOps {
  const schemaWriter = async (caller: Parameters<typeof accessBase>[1]['caller'], baseId: string, operation: string) => {
    const access = await accessBase(deps, { caller, action: 'schema.write', baseId });
    const call = createCallJournal({ events: deps.events, actor: access.actor, base: access.base, operation });
    return { ...access, context: { actor: access.actor, journal: call.journal } };
  };
  return {
    async whoami({ caller }) {
      const principal = requireCaller(caller);
      return {
        id: principal.userId ?? ADMIN_USER,
        ...(principal.kind === 'oauth' && principal.scopes !== 'all' ? { scopes: [...principal.scopes] } : {}),
      };
    },
    async listBases({ caller, offset }) {
      const principal = requireCaller(caller);
      // Listing spans workspaces, so the scope is checked here and visibleBaseIds does the rest.
      const scope = ACTIONS['base.list'].scope;
      if (scope && principal.scopes !== 'all' && !principal.scopes.includes(scope)) {
        throw new AppError({ code: 'auth.forbidden', message: `This operation needs the scope ${scope}` });
      }
      if (offset && !/^app[A-Za-z0-9]{14}$/.test(offset)) {
        throw new AppError({ code: 'request.invalid', message: 'Invalid offset' });
      }
      const visible = await deps.authorizer.visibleBaseIds(principal);
      const entries = await listBaseEntries(deps.db, { baseIds: visible, afterId: offset || null, limit: BASES_PER_PAGE + 1 });
      const page = entries.slice(0, BASES_PER_PAGE);
      const level = permissionLevel(principal.scopes);
      const bases = page.map((base) => ({ id: base.id, name: base.name, permissionLevel: level }));
      return entries.length > BASES_PER_PAGE ? { bases, offset: page.at(-1)!.id } : { bases };
    },
    async createBase({ caller, name, workspaceId, tables }) {
      const principal = requireCaller(caller);
      const workspace = workspaceId ?? (await deps.defaultWorkspaceId());
      await deps.authorizer.check(principal, 'base.create', { workspaceId: workspace });
      if (!(await workspaceExists(deps.db, workspace))) {
        throw new AppError({ code: 'base.workspace_not_found', message: `Could not find workspace ${workspace}` });
      }
      if (typeof name !== 'string' || name.trim() === '') throw new AppError({ code: 'request.invalid', message: 'A base needs a name' });
      if (!Array.isArray(tables) || tables.length === 0) throw new AppError({ code: 'request.invalid', message: 'A base needs at least one table' });
      const base = { id: newId('app'), name: name.trim(), workspaceId: workspace, driver: 'local' as const, schemaVersion: 1 };
      const actor = actorOf(principal, caller.channel);
      const call = createCallJournal({ events: deps.events, actor, base, operation: 'base.create' });
      const driver = deps.drivers.local!;
      const schema = await driver.createBase({ base, tables, context: { actor, journal: call.journal } });
      return { id: base.id, ...schema };
    },
    async getBaseSchema({ caller, baseId, includeVisibleFieldIds }) {
      const { base, driver } = await accessBase(deps, { caller, action: 'schema.read', baseId });
      return driver.getBaseSchema({ base, ...(includeVisibleFieldIds ? { includeVisibleFieldIds } : {}) });
    },
    async createTable({ caller, baseId, table }) {
      const { base, driver, context } = await schemaWriter(caller, baseId, 'table.create');
      return driver.createTable({ base, table, context });
    },
    async updateTable({ caller, baseId, tableIdOrName, changes }) {
      const { base, driver, context } = await schemaWriter(caller, baseId, 'table.update');
      return driver.updateTable({ base, tableIdOrName, changes, context });
    },
    async createField({ caller, baseId, tableIdOrName, field }) {
      const { base, driver, context } = await schemaWriter(caller, baseId, 'field.create');
      return driver.createField({ base, tableIdOrName, field, context });
    },
    async updateField({ caller, baseId, tableIdOrName, fieldId, changes }) {
      const { base, driver, context } = await schemaWriter(caller, baseId, 'field.update');
      return driver.updateField({ base, tableIdOrName, fieldId, changes, context });
    },
  };
}
