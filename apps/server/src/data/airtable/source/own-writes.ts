import type { Cache } from '../../../infra/kv';
import type { RecordChange } from '../../data.types';

/** One of our writes as the change feed will see it again. */
interface Mark {
  op: RecordChange['op'];
  fieldIds: string[];
}

/** Long enough for the feed to catch up after an outage of a few minutes. */
const MARK_TTL_MS = 15 * 60 * 1000;

const key = (baseId: string, recordId: string) => `at:own:${baseId}:${recordId}`;
const sameFields = (left: readonly string[], right: readonly string[]) =>
  left.length === right.length && left.every((id) => right.includes(id));

/**
 * Remembers the record changes Tableport made on a connected base, so that the change feed, which
 * reads every change back from Airtable, does not announce them a second time. A change the feed
 * reports matches a mark when the record, the operation and the set of changed fields agree.
 */
export interface OwnWrites {
  remember(baseId: string, changes: readonly RecordChange[]): Promise<void>;
  /** True (and forgets the mark) when the feed's change is one of ours. */
  claim(baseId: string, change: { recordId: string; op: RecordChange['op']; fieldIds: readonly string[] }): Promise<boolean>;
}

/** Marks in the shared cache (Redis with several nodes: the feed may run on another node). */
export function createOwnWrites(cache: Cache): OwnWrites {
  return {
    async remember(baseId, changes) {
      await Promise.all(
        changes.map(async (change) => {
          const marks = (await cache.get<Mark[]>(key(baseId, change.recordId))) ?? [];
          const fieldIds = Object.keys((change.op === 'delete' ? change.before : change.after) ?? {});
          await cache.set(key(baseId, change.recordId), [...marks, { op: change.op, fieldIds }], { ttlMs: MARK_TTL_MS });
        }),
      );
    },
    async claim(baseId, change) {
      const marks = (await cache.get<Mark[]>(key(baseId, change.recordId))) ?? [];
      const index = marks.findIndex(
        (mark) => mark.op === change.op && (change.op !== 'update' || sameFields(mark.fieldIds, change.fieldIds)),
      );
      if (index === -1) return false;
      marks.splice(index, 1);
      await cache.set(key(baseId, change.recordId), marks.length > 0 ? marks : undefined, { ttlMs: MARK_TTL_MS });
      return true;
    },
  };
}
