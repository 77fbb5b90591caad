import type { DataService } from '../../data';

/** What the data tools are built from: the one data service (never the store, never HTTP). */
export interface DataToolDeps {
  data: DataService;
  /** Records per driver write: Airtable's 10, so one batch is one request on either driver. */
  writeChunkSize?: number;
}

/** Airtable's limit of records per write request. */
export const WRITE_CHUNK_SIZE = 10;
