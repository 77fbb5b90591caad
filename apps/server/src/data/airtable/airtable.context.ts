import type { AirtableClient } from '@tableport/airtable';
import type { Database } from '../../infra/db';
import type { BaseEntry } from '../data-source.types';
import type { Invalidation } from './cache/cache.store';
import type { OwnWrites } from './source/own-writes';

/** What the airtable driver's operations share. */
export interface AirtableContext {
  /** Where writes journal their events and change sets (after the remote write). */
  db: Database;
  /** The scheduled client that reaches a connected base. */
  clientFor(base: Pick<BaseEntry, 'id' | 'workspaceId'>): Promise<AirtableClient>;
  /** Our record changes, so the change feed does not announce them twice. */
  ownWrites: OwnWrites;
  /** Drops cached answers of a base (a schema that no longer matches what Airtable answers). */
  invalidate(input: Invalidation): Promise<void>;
}
