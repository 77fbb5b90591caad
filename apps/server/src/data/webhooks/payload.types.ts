import type { FieldSchema } from '@tableport/contracts';
import type { Source } from './webhooks.spec';

/** Cells keyed by field id, in V2 (webhook) format. */
export type Cells = Record<string, unknown>;

/** A field as payloads describe it. */
export interface FieldInfo {
  name?: string;
  type?: string;
}

/** What one base transaction changed in one table (shared/airtable-api.md §4.1.6). */
export interface TableChanges {
  createdRecordsById?: Record<string, { createdTime: string; cellValuesByFieldId: Cells }>;
  changedRecordsById?: Record<
    string,
    { current: { cellValuesByFieldId: Cells }; previous?: { cellValuesByFieldId: Cells }; unchanged?: { cellValuesByFieldId: Cells } }
  >;
  destroyedRecordIds?: string[];
  createdFieldsById?: Record<string, FieldInfo>;
  changedFieldsById?: Record<string, { current: FieldInfo; previous?: FieldInfo }>;
  changedMetadata?: { current: { name: string; description: string | null }; previous?: { name: string; description: string | null } };
}

/** A table a transaction created. */
export interface CreatedTable {
  metadata: { name: string; description: string | null };
  fieldsById: Record<string, FieldInfo>;
  recordsById: Record<string, never>;
}

/** A webhook payload; `baseTransactionNumber` is numbered when the payload is stored. */
export interface WebhookPayload {
  timestamp: string;
  baseTransactionNumber: number;
  payloadFormat: 'v0';
  actionMetadata: { source: Source; sourceMetadata: Record<string, unknown> };
  changedTablesById?: Record<string, TableChanges>;
  createdTablesById?: Record<string, CreatedTable>;
  destroyedTableIds?: string[];
}

/** What building a payload reads besides the events (looked up before, so building is pure). */
export interface ValueContext {
  fieldById: ReadonlyMap<string, FieldSchema & { tableId: string }>;
  /** The primary value of a linked record, when it still exists. */
  linkName(recordId: string): string | undefined;
  /** A record's current cells (V1, by field id), for `includeCellValuesInFieldIds`. */
  currentCells(recordId: string): Cells | undefined;
  /** `actionMetadata.sourceMetadata.user` of an actor's user id. */
  user(userId: string | null): Record<string, unknown>;
}
