import type { CallOptions } from './http.types';
import type {
  AirtableBaseSchema,
  AirtableBaseSummary,
  AirtableCreatedBase,
  AirtableField,
  AirtableTable,
  AirtableWhoami,
  FieldType,
} from './meta.schema';

/** A field to create: the first field of a new table becomes its primary field. */
export interface FieldConfig {
  name: string;
  type: FieldType;
  description?: string;
  options?: Record<string, unknown>;
}
/** A table to create. */
export interface TableConfig {
  name: string;
  description?: string;
  fields: readonly FieldConfig[];
}

/** The metadata (schema) part of the client. */
export interface MetaApi {
  /** The token's user. */
  whoami(params?: CallOptions): Promise<AirtableWhoami>;
  /** One page of the bases the token can see; pass `offset` for the next. */
  listBases(
    params?: CallOptions & { offset?: string },
  ): Promise<{ bases: AirtableBaseSummary[]; offset?: string }>;
  /** A base's tables, fields and views; `includeVisibleFieldIds` adds grid views' visible fields. */
  getBaseSchema(
    params: CallOptions & { baseId: string; includeVisibleFieldIds?: boolean },
  ): Promise<AirtableBaseSchema>;
  /** Creates a base in a workspace with at least one table. */
  createBase(
    params: CallOptions & { name: string; workspaceId: string; tables: readonly TableConfig[] },
  ): Promise<AirtableCreatedBase>;
  /** Creates a table. */
  createTable(params: CallOptions & TableConfig & { baseId: string }): Promise<AirtableTable>;
  /** Renames or redescribes a table. */
  updateTable(
    params: CallOptions & {
      baseId: string;
      tableIdOrName: string;
      name?: string;
      description?: string;
      dateDependencySettings?: Record<string, unknown>;
    },
  ): Promise<AirtableTable>;
  /** Adds a field to a table. */
  createField(
    params: CallOptions & FieldConfig & { baseId: string; tableIdOrName: string },
  ): Promise<AirtableField>;
  /** Renames or redescribes a field (Airtable cannot change a field's type). */
  updateField(
    params: CallOptions & {
      baseId: string;
      tableIdOrName: string;
      fieldId: string;
      name?: string;
      description?: string;
    },
  ): Promise<AirtableField>;
}
