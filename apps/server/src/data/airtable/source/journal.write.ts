import type { AirtableClient } from '@tableport/airtable';
import type { BaseEntry } from '../../data-source.types';
import type { RecordChange, WriteContext } from '../../data.types';
import type { AirtableContext } from '../airtable.context';
import { loadSchema, lookupTable, type TableLookup } from './schema.lookup';

/** Where a table of a connected base is looked up. */
export interface TableAt {
  context: AirtableContext;
  client: AirtableClient;
  base: Pick<BaseEntry, 'id' | 'workspaceId'>;
  tableIdOrName: string;
}

/**
 * The table's lookup from the cached schema; when the table or one of `keys` is not in it (the
 * schema changed in Airtable since it was cached), the schema is read again once.
 */
export async function tableLookup(at: TableAt, keys: readonly string[] = []): Promise<TableLookup | undefined> {
  const fresh = (lookup: TableLookup | undefined) => lookup !== undefined && keys.every((key) => lookup.idOf(key) !== undefined);
  const cached = lookupTable(await loadSchema(at.client, at.base.id), at.tableIdOrName);
  if (fresh(cached)) return cached;
  await at.context.invalidate({ scope: at.base.id, kinds: ['schema'] });
  return lookupTable(await loadSchema(at.client, at.base.id), at.tableIdOrName) ?? cached;
}

/**
 * Journals a write that Airtable applied: events and change set in one transaction (after the
 * remote write, as a remote driver must), and marks for the change feed.
 */
export async function journalWrite(
  at: TableAt & { write: WriteContext; changes: (lookup: TableLookup) => RecordChange[]; keys?: readonly string[] },
): Promise<void> {
  const lookup = await tableLookup(at, at.keys);
  if (!lookup) return;
  const changes = at.changes(lookup);
  if (changes.length === 0) return;
  await at.context.ownWrites.remember(at.base.id, changes);
  await at.context.db.transaction((tx) => at.write.journal.commit(tx, { records: changes }));
}

/** Every field key used in some records' cells. */
export const fieldKeys = (records: ReadonlyArray<{ fields: Record<string, unknown> }>): string[] => [
  ...new Set(records.flatMap((record) => Object.keys(record.fields))),
];
