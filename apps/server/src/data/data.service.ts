import type { EventBus } from '../comms/events';
import type { Database } from '../infra/db';
import type { Authorizer } from '../platform/authz/authz.types';
import type { Caller } from './data.access';
import type { DataSource, DriverKind, UploadFile } from './data-source.types';
import type {
  BaseSchema,
  BaseSummary,
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
} from './data.types';
import { dataBaseOps } from './data.service.bases';
import { dataRecordOps } from './data.service.records';
import { dataRevertOps } from './data.service.revert';
import { dataSchemaOps } from './data.service.schema';
import { dataUploadOps } from './data.service.uploads';

/** Every call names its caller; writes also return the id of the change set they stored. */
type Call<T> = T & { caller: Caller };
/** A write's result plus its change set id (null when nothing changed). */
export type Written<T> = T & { changeSetId: string | null };

/** A change set: the before/after of every record one write call changed (for undo). */
export interface ChangeSet {
  id: string;
  baseId: string;
  operation: string;
  actor: unknown;
  changes: { tableId: string; recordId: string; op: 'create' | 'update' | 'delete'; before: unknown; after: unknown }[];
  revertedBy: string | null;
  createdAt: string;
}

/** One step of a revert: the inverse write of one record change, and why it may not apply cleanly. */
export interface RevertStep {
  op: 'create' | 'update' | 'delete';
  tableId: string;
  /** For `create`, the id the record had before it was deleted (it comes back with a new id). */
  recordId: string;
  /** Cells by field id that the step writes. */
  fields: Record<string, unknown>;
  conflict?: string;
}

/** What a revert did (or, on a dry run, would do). */
export interface RevertResult {
  changeSetId: string;
  steps: RevertStep[];
  applied: boolean;
  /** The change sets the revert itself wrote (revert those to redo). */
  revertChangeSetIds: string[];
}

/**
 * The one code path for data: `/v0`, MCP, the web app, the AI chat and automations all call it.
 * It picks the driver per base, checks permissions, and has drivers journal events and change sets
 * in the same transaction as the write.
 */
export interface DataService {
  whoami(options: Call<object>): Promise<{ id: string; scopes?: string[] }>;
  listBases(options: Call<{ offset?: string }>): Promise<{ bases: BaseSummary[]; offset?: string }>;
  createBase(options: Call<{ name: string; workspaceId?: string; tables: readonly TableConfig[] }>): Promise<{ id: string } & BaseSchema>;
  getBaseSchema(options: Call<{ baseId: string; includeVisibleFieldIds?: boolean }>): Promise<BaseSchema>;
  createTable(options: Call<{ baseId: string; table: TableConfig }>): Promise<TableSchema>;
  updateTable(options: Call<{ baseId: string; tableIdOrName: string; changes: NameChanges }>): Promise<TableSchema>;
  createField(options: Call<{ baseId: string; tableIdOrName: string; field: FieldConfig }>): Promise<FieldSchema>;
  updateField(options: Call<{ baseId: string; tableIdOrName: string; fieldId: string; changes: NameChanges }>): Promise<FieldSchema>;
  listRecords(options: Call<ListRecordsOptions>): Promise<RecordPage>;
  getRecord(options: Call<GetRecordOptions>): Promise<RecordData>;
  createRecords(options: Call<CreateRecordsOptions>): Promise<Written<{ records: RecordData[] }>>;
  updateRecords(options: Call<UpdateRecordsOptions>): Promise<Written<{ records: RecordData[] }>>;
  upsertRecords(options: Call<UpsertRecordsOptions>): Promise<Written<UpsertResult>>;
  deleteRecords(options: Call<DeleteRecordsOptions>): Promise<Written<{ records: DeletedRecord[] }>>;
  getChangeSet(options: Call<{ changeSetId: string }>): Promise<ChangeSet>;
  /** Reverts a change set through the writes above; `dryRun` only plans, `force` overwrites later edits. */
  revertChangeSet(options: Call<{ changeSetId: string; dryRun?: boolean; force?: boolean }>): Promise<RevertResult>;
  /**
   * Appends a file to an attachment cell on a base whose driver uploads files itself (a connected
   * base: Airtable's uploadAttachment); answers the record with that cell only, keyed by field id.
   */
  uploadAttachment(
    options: Call<{ baseId: string; recordId: string; fieldIdOrName: string; file: UploadFile }>,
  ): Promise<Written<{ record: RecordData }>>;
  /** A base's name, workspace and driver. */
  describeBase(options: Call<{ baseId: string }>): Promise<{ id: string; name: string; workspaceId: string; driver: DriverKind }>;
}

/** What the service is built from. */
export interface DataServiceDeps {
  db: Database;
  events: EventBus;
  authorizer: Authorizer;
  /** One DataSource per driver; only `local` exists until the Airtable driver issue adds its own. */
  drivers: Partial<Record<DriverKind, DataSource>>;
  /** The workspace a new base lands in when the call names none. */
  defaultWorkspaceId: () => Promise<string>;
}

/** Builds the data service. */
export function createDataService(deps: DataServiceDeps): DataService {
  const records = dataRecordOps(deps);
  return { ...dataSchemaOps(deps), ...records, ...dataRevertOps(deps, records), ...dataUploadOps(deps), ...dataBaseOps(deps) };
}

export type { Caller };
