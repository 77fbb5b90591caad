import { newId, type Actor, type DomainEventInput } from '@tableport/contracts';
import type { EventBus } from '../comms/events';
import type { Transaction } from '../infra/db';
import type { BaseEntry } from './data-source.types';
import type { RecordChange, SchemaChange, WriteJournal } from './data.types';

/** A journal for one write call, and the id of the change set it stored (null when nothing was written). */
export interface CallJournal {
  journal: WriteJournal;
  changeSetId(): string | null;
}

const EVENT_OF_OP = { create: 'record.created', update: 'record.updated', delete: 'record.deleted' } as const;

function recordEvent(change: RecordChange, changeSetId: string | null): DomainEventInput['payload'] {
  const common = { changeSetId, recordId: change.recordId, cause: change.cause };
  // One event per record per write: recomputed cells join the written (or link) ones.
  const after = change.computed ? { ...change.after, ...change.computed.after } : change.after;
  if (change.op === 'create') return { ...common, createdTime: change.createdTime, after };
  if (change.op === 'delete') return { ...common, createdTime: change.createdTime, before: change.before };
  const before = change.computed ? { ...change.before, ...change.computed.before } : change.before;
  return { ...common, changedFieldIds: Object.keys(after ?? {}), before, after };
}

/**
 * Builds the journal the driver reports to: domain events (`record.*`, `table.*`, `field.*`,
 * `base.created`) and, for record writes, a change set with every before/after, in the writer's
 * transaction.
 */
export function createCallJournal(options: { events: EventBus; actor: Actor; base: BaseEntry; operation: string }): CallJournal {
  const { base, actor } = options;
  let stored: string | null = null;
  return {
    changeSetId: () => stored,
    journal: {
      async commit(tx: Transaction, changes: { records?: RecordChange[]; schema?: SchemaChange[] }) {
        const records = changes.records ?? [];
        // Only what the caller wrote is undone: link sides and computed cells follow from it.
        const writes = records.filter((change) => change.cause === 'write');
        const changeSetId = writes.length > 0 ? newId('chg') : null;
        if (changeSetId) {
          await tx.query(
            'INSERT INTO data_change_sets (id, base_id, actor, operation, changes) VALUES ($1, $2, $3::jsonb, $4, $5::jsonb)',
            [
              changeSetId,
              base.id,
              JSON.stringify(actor),
              options.operation,
              JSON.stringify(writes.map(({ tableId, recordId, op, before, after }) => ({ tableId, recordId, op, before, after }))),
            ],
          );
          stored = changeSetId;
        }
        const scope = { workspaceId: base.workspaceId, baseId: base.id, actor };
        const events: DomainEventInput[] = [
          ...(changes.schema ?? []).map((change) => ({
            ...scope,
            type: change.type,
            tableId: change.tableId ?? null,
            payload: { fieldId: change.fieldId, before: change.before, after: change.after },
          })),
          ...records.map((change) => ({
            ...scope,
            type: EVENT_OF_OP[change.op],
            tableId: change.tableId,
            payload: recordEvent(change, changeSetId),
          })),
        ];
        await options.events.append(tx, events);
      },
    },
  };
}
