import type {
  BaseSchema,
  CreateRecordsOptions,
  DeleteRecordsOptions,
  DeletedRecord,
  FieldConfig,
  FieldSchema,
  GetRecordOptions,
  ListRecordsOptions,
  NameChanges,
  RecordData,
  RecordPage,
  TableConfig,
  TableSchema,
  UpdateRecordsOptions,
  UpsertRecordsOptions,
  UpsertResult,
  WriteContext,
} from './data.types';
import type { Comment, CommentPage } from './comments/comments.types';

/** Which driver serves a base: the embedded store, or a connected real Airtable base. */
export type DriverKind = 'local' | 'airtable';

/** A base as the registry knows it (every driver's bases are listed in `data_bases`). */
export interface BaseEntry {
  id: string;
  name: string;
  workspaceId: string;
  driver: DriverKind;
  /** Bumped by every schema change (drivers key their schema caches on it). */
  schemaVersion: number;
}

/** Every call names its base by the registry entry, so a driver never re-checks existence. */
export interface OnBase {
  base: BaseEntry;
}

/** A record of a base, its table already resolved by the data service. */
export interface OnRecord extends OnBase {
  tableId: string;
  recordId: string;
}

/**
 * Record comments kept by a driver's backend (Airtable's comments API). The local store's comments
 * live in `data/comments`, which checks access and emits `comment.*` events for both.
 */
export interface DriverComments {
  /** One page, newest first; `offset` is the backend's own cursor, null on the last page. */
  list(options: OnRecord & { pageSize: number; offset?: string }): Promise<CommentPage>;
  create(options: OnRecord & { text: string; parentCommentId?: string }): Promise<Comment>;
  update(options: OnRecord & { commentId: string; text: string }): Promise<Comment>;
  delete(options: OnRecord & { commentId: string }): Promise<{ id: string; deleted: true }>;
}

/** A file for an attachment cell, as bytes. */
export interface UploadFile {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * The storage behind a base. Both drivers speak Airtable's wire model: records `{id, createdTime,
 * fields}` keyed by name or id, list pages with an opaque offset, batch writes (the Airtable driver
 * splits them into tens), and Airtable's Table/Field/View schema models. Permission checks, events
 * routing and change sets belong to the data service; writes report through `context.journal`.
 */
export interface DataSource {
  readonly kind: DriverKind;
  /** Creates storage for a new base registered by the service (local: schema and tables). */
  createBase(
    options: OnBase & { tables: readonly TableConfig[]; context: WriteContext },
  ): Promise<BaseSchema>;
  getBaseSchema(options: OnBase & { includeVisibleFieldIds?: boolean }): Promise<BaseSchema>;
  createTable(options: OnBase & { table: TableConfig; context: WriteContext }): Promise<TableSchema>;
  updateTable(
    options: OnBase & { tableIdOrName: string; changes: NameChanges; context: WriteContext },
  ): Promise<TableSchema>;
  createField(
    options: OnBase & { tableIdOrName: string; field: FieldConfig; context: WriteContext },
  ): Promise<FieldSchema>;
  updateField(
    options: OnBase & {
      tableIdOrName: string;
      fieldId: string;
      changes: NameChanges;
      context: WriteContext;
    },
  ): Promise<FieldSchema>;

  listRecords(options: OnBase & Omit<ListRecordsOptions, 'baseId'>): Promise<RecordPage>;
  getRecord(options: OnBase & Omit<GetRecordOptions, 'baseId'>): Promise<RecordData>;
  createRecords(
    options: OnBase & Omit<CreateRecordsOptions, 'baseId'> & { context: WriteContext },
  ): Promise<RecordData[]>;
  updateRecords(
    options: OnBase & Omit<UpdateRecordsOptions, 'baseId'> & { context: WriteContext },
  ): Promise<RecordData[]>;
  upsertRecords(
    options: OnBase & Omit<UpsertRecordsOptions, 'baseId'> & { context: WriteContext },
  ): Promise<UpsertResult>;
  deleteRecords(
    options: OnBase & Omit<DeleteRecordsOptions, 'baseId'> & { context: WriteContext },
  ): Promise<DeletedRecord[]>;

  /** Comments, when the driver's backend keeps them (a connected base: Airtable's own). */
  readonly comments?: DriverComments;
  /**
   * Appends a file to an attachment cell through the backend's own upload (Airtable's
   * `uploadAttachment`), journaled like an update; answers the record with that cell only, keyed by
   * field id. Drivers without it take files as URLs (the local store serves uploads itself).
   */
  uploadAttachment?(
    options: OnBase & { recordId: string; fieldIdOrName: string; file: UploadFile; context: WriteContext },
  ): Promise<RecordData>;
}
