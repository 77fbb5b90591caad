import { AppError } from '@tableport/contracts';
import type { Database } from '../../../infra/db';
import type { RecordData, WriteContext } from '../../data.types';
import type { ComputeEngine } from '../compute/compute.engine';
import type { BaseModel, TableModel } from '../schema/schema.model';
import { fetchRows } from './record.row';
import type { ConvertServices } from './records.convert';
import { toRecordData } from './records.format';
import { recordComputedChanges } from './write.changes';
import { actorCollaborator, currentTable, type WriteState } from './write.state';

/** What the write runner needs from the driver. */
export interface WriteRunnerDeps {
  db: Database;
  services: ConvertServices;
  engineFor(base: BaseModel): ComputeEngine;
  /** Called after a commit that changed the schema (select choices added by typecast). */
  onSchemaChanged(baseId: string): void;
}

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/**
 * Runs one write in one transaction: the operation, then recomputation of computed fields across
 * tables (their changed cells join the journalled changes), then the journal (events + change set),
 * all committed together. Deadlocks and serialization failures between concurrent writers are
 * retried from the start.
 */
export async function runWrite<T, R>(
  deps: WriteRunnerDeps,
  options: { base: BaseModel; context: WriteContext; typecast: boolean },
  steps: { operation: (state: WriteState) => Promise<T>; present: (state: WriteState, result: T) => Promise<R> },
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    let schemaChanged = false;
    try {
      const outcome = await deps.db.transaction(async (tx) => {
        const state: WriteState = {
          tx,
          base: options.base,
          actor: options.context.actor,
          collaborator: actorCollaborator(options.context.actor),
          now: new Date(),
          typecast: options.typecast,
          services: deps.services,
          changes: [],
          compute: [],
          schemaChanged: false,
          inserted: new Map(),
          touched: new Set(),
        };
        const result = await steps.operation(state);
        const work = state.compute.map((item) => ({ ...item, table: currentTable(state, item.table) }));
        const computed = await deps.engineFor(state.base).run(tx, work);
        for (const tableId of computed.tables) state.touched.add(tableId);
        recordComputedChanges(state, computed.changes);
        const presented = await steps.present(state, result);
        await options.context.journal.commit(tx, { records: state.changes });
        schemaChanged = state.schemaChanged;
        return presented;
      });
      if (schemaChanged) deps.onSchemaChanged(options.base.id);
      return outcome;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && RETRYABLE.has(code)) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new AppError({ code: 'data.conflict', message: 'Concurrent writes collided; retry', cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      throw error;
    }
  }
}

/** Reads records back inside the transaction, in the order of `ids`. */
export async function readBack(
  state: WriteState,
  options: { table: TableModel; ids: readonly string[]; byFieldId: boolean },
): Promise<RecordData[]> {
  const table = currentTable(state, options.table);
  const reuse = !state.touched.has(table.id) && options.ids.every((id) => state.inserted.has(id));
  const rows = reuse ? state.inserted : await fetchRows(state.tx, { table, ids: options.ids });
  return options.ids.map((id) => toRecordData(rows.get(id)!, table, { byFieldId: options.byFieldId }));
}
