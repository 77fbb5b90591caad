import type { Actor, FieldSchema, FieldType, TableSchema } from '@tableport/contracts';
import type { Transaction } from '../infra/db';

/** A record in Airtable's wire model; `fields` is keyed by field name, or id with `returnFieldsByFieldId`. */
export interface RecordData {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
  /** Only when `recordMetadata` asks for `commentCount`. */
  commentCount?: number;
}

/** One page of a record list; `offset` is absent on the last page. */
export interface RecordPage {
  records: RecordData[];
  offset?: string;
}

/** One sort key of a list. */
export interface SortSpec {
  field: string;
  direction?: 'asc' | 'desc';
}

/** How cells are rendered (`string` needs `timeZone` and `userLocale`). */
export interface CellFormatOptions {
  cellFormat?: 'json' | 'string';
  timeZone?: string;
  userLocale?: string;
  returnFieldsByFieldId?: boolean;
}

/** A table of a base, by id or name. */
export interface TableRef {
  baseId: string;
  tableIdOrName: string;
}

/** Every parameter of Airtable's list records call. */
export interface ListRecordsOptions extends TableRef, CellFormatOptions {
  fields?: readonly string[];
  filterByFormula?: string;
  sort?: readonly SortSpec[];
  view?: string;
  /** Records per page, 1..100 (default 100). */
  pageSize?: number;
  /** Total cap across all pages. */
  maxRecords?: number;
  /** Cursor from the previous page; absent or '' for the first page. */
  offset?: string;
  recordMetadata?: readonly 'commentCount'[];
}

/** One record to read. */
export interface GetRecordOptions extends TableRef, CellFormatOptions {
  recordId: string;
}

/** Options shared by writes. */
export interface WriteOptions {
  /** Convert strings to the fields' types and create missing select choices (Airtable's `typecast`). */
  typecast?: boolean;
  returnFieldsByFieldId?: boolean;
}

/** Cells to write, keyed by field name or id. */
export type FieldValues = Record<string, unknown>;

/** Creates records (any number for the local store; the Airtable driver splits into tens). */
export interface CreateRecordsOptions extends TableRef, WriteOptions {
  records: readonly { fields: FieldValues }[];
}

/** `merge` = PATCH (only the given fields), `replace` = PUT (clears every other writable field). */
export type UpdateMode = 'merge' | 'replace';

/** Updates records by id. */
export interface UpdateRecordsOptions extends TableRef, WriteOptions {
  records: readonly { id: string; fields: FieldValues }[];
  mode: UpdateMode;
}

/** Creates or updates records matched on 1 to 3 fields (`performUpsert`). */
export interface UpsertRecordsOptions extends TableRef, WriteOptions {
  records: readonly { id?: string; fields: FieldValues }[];
  fieldsToMergeOn: readonly string[];
  mode: UpdateMode;
}

/** Deletes records by id. */
export interface DeleteRecordsOptions extends TableRef {
  recordIds: readonly string[];
}

/** Result of an upsert, in input order. */
export interface UpsertResult {
  records: RecordData[];
  createdRecords: string[];
  updatedRecords: string[];
}

/** `{ id, deleted: true }` per deleted record. */
export interface DeletedRecord {
  id: string;
  deleted: true;
}

/** A field to create (`options` in Airtable's write format). */
export interface FieldConfig {
  name: string;
  type: FieldType;
  description?: string;
  options?: Record<string, unknown>;
}

/** A table to create; its first field becomes the primary field. */
export interface TableConfig {
  name: string;
  description?: string;
  fields: readonly FieldConfig[];
}

/** Name and description changes of a table or field (at least one). */
export interface NameChanges {
  name?: string;
  description?: string;
}

/** A base as listed by the metadata API. */
export interface BaseSummary {
  id: string;
  name: string;
  permissionLevel: 'none' | 'read' | 'comment' | 'edit' | 'create';
}

/** A base's schema: tables with fields and views (Airtable's models, shared/airtable-api.md §3.1). */
export interface BaseSchema {
  tables: TableSchema[];
}

export type { FieldSchema, TableSchema };

/**
 * One record change of a write: cells by field id. `before`/`after` hold what the change is about
 * (the written cells for `write`, the link cell for `link`, the recomputed cells for `compute`).
 */
export interface RecordChange {
  tableId: string;
  recordId: string;
  op: 'create' | 'update' | 'delete';
  before: FieldValues | null;
  after: FieldValues | null;
  /**
   * `write` = the caller wrote it; `link` = the other side of a link changed with it; `compute` = only
   * its computed cells (formula, lookup, rollup, count) changed, through the write's cascade.
   */
  cause: 'write' | 'link' | 'compute';
  /**
   * Computed cells of a `write` or `link` change that the write's recomputation changed too: events
   * show them with the change's cells; change sets (undo) leave them out, recomputation redoes them.
   */
  computed?: { before: FieldValues; after: FieldValues };
  createdTime?: string;
}

/** One schema change of a write. */
export interface SchemaChange {
  type: 'base.created' | 'table.created' | 'table.updated' | 'field.created' | 'field.updated';
  tableId?: string;
  fieldId?: string;
  before?: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/**
 * Where a driver reports what a write changed. The local driver calls `commit` inside its transaction
 * (events and the change set commit with the data); a remote driver calls it after the remote write.
 */
export interface WriteJournal {
  commit(tx: Transaction, changes: { records?: RecordChange[]; schema?: SchemaChange[] }): Promise<void>;
}

/** Who writes and where the driver reports the changes. */
export interface WriteContext {
  actor: Actor;
  journal: WriteJournal;
}
