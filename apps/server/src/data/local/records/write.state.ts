import type { Actor, Collaborator } from '@tableport/contracts';
import type { Transaction } from '../../../infra/db';
import type { RecordChange } from '../../data.types';
import type { ComputeWork } from '../compute/compute.engine';
import { loadBaseModel } from '../schema/schema.repo';
import type { BaseModel, TableModel } from '../schema/schema.model';
import type { ConvertServices } from './records.convert';
import type { RecordRow } from './record.row';

/** The user id recorded for the admin token (it has no user of its own). */
export const ADMIN_USER_ID = 'usrTableportAdmin';

/** The collaborator recorded in createdBy/lastModifiedBy for an actor. */
export function actorCollaborator(actor: Actor): Collaborator {
  if (actor.userId) return { id: actor.userId };
  if (actor.kind === 'admin') return { id: ADMIN_USER_ID, name: 'Admin' };
  return { id: ADMIN_USER_ID, name: actor.kind === 'system' ? 'Tableport' : actor.id };
}

/** Everything one write transaction accumulates. */
export interface WriteState {
  tx: Transaction;
  base: BaseModel;
  actor: Actor;
  collaborator: Collaborator;
  now: Date;
  typecast: boolean;
  services: ConvertServices;
  changes: RecordChange[];
  compute: ComputeWork[];
  /** True once the write changed the schema (select choices), so caches must reload. */
  schemaChanged: boolean;
  /** Rows as inserted (RETURNING), reused for the answer when nothing rewrote them since. */
  inserted: Map<string, RecordRow>;
  /** Tables whose rows were rewritten after insert (recomputation, the other side of links). */
  touched: Set<string>;
}

/** Reloads the base model inside the transaction (after typecast added select choices). */
export async function reloadBase(state: WriteState): Promise<void> {
  const version = await state.tx.query<{ schema_version: number }>(
    'SELECT schema_version FROM data_bases WHERE id = $1',
    [state.base.id],
  );
  state.base = await loadBaseModel(state.tx, { id: state.base.id, version: version.rows[0]!.schema_version });
  state.schemaChanged = true;
}

/** The current model of a table (after a reload). */
export function currentTable(state: WriteState, table: TableModel): TableModel {
  return state.base.tableById.get(table.id)!;
}
