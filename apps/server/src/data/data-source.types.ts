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
}
