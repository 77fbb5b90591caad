import { parseBody } from './http.json';
import { QueryBuilder, v0Path } from './http.query';
import type { AirtableRequest, AirtableRequestHandler, CallOptions } from './http.types';
import {
  baseSchemaSchema,
  basesPageSchema,
  createdBaseSchema,
  fieldSchema,
  tableSchema,
  whoamiSchema,
  type AirtableBaseSchema,
  type AirtableBaseSummary,
  type AirtableCreatedBase,
  type AirtableField,
  type AirtableTable,
  type AirtableWhoami,
  type FieldType,
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

type Call = Omit<AirtableRequest, 'signal' | 'timeoutMs'>;

/** Builds the metadata API on a request handler. */
export function createMetaApi(request: AirtableRequestHandler): MetaApi {
  const send = (call: Call, options: CallOptions = {}) =>
    request({ ...call, signal: options.signal, timeoutMs: options.timeoutMs });
  const meta = (...segments: string[]) => v0Path('meta', ...segments);
  return {
    whoami: async (params) => {
      const response = await send(
        { operation: 'meta.whoami', method: 'GET', path: meta('whoami'), idempotent: true },
        params,
      );
      return parseBody(whoamiSchema, response, 'meta.whoami');
    },
    listBases: async (params = {}) => {
      const query = new QueryBuilder().add('offset', params.offset).entries;
      const call: Call = {
        operation: 'meta.bases.list',
        method: 'GET',
        path: meta('bases'),
        query,
        idempotent: true,
      };
      const page = parseBody(basesPageSchema, await send(call, params), 'meta.bases.list');
      return page.offset === undefined ? { bases: page.bases } : { bases: page.bases, offset: page.offset };
    },
    getBaseSchema: async ({ baseId, includeVisibleFieldIds, ...options }) => {
      // pyairtable's form `include=visibleFieldIds` (no brackets) is what real Airtable is known to accept.
      const query = new QueryBuilder().add(
        'include',
        includeVisibleFieldIds ? 'visibleFieldIds' : undefined,
      ).entries;
      const path = meta('bases', baseId, 'tables');
      const response = await send(
        { operation: 'meta.schema.get', method: 'GET', path, query, baseId, idempotent: true },
        options,
      );
      return parseBody(baseSchemaSchema, response, 'meta.schema.get');
    },
    createBase: async ({ signal, timeoutMs, ...body }) => {
      const call: Call = {
        operation: 'meta.base.create',
        method: 'POST',
        path: meta('bases'),
        body,
        idempotent: false,
      };
      return parseBody(createdBaseSchema, await send(call, { signal, timeoutMs }), 'meta.base.create');
    },
    createTable: async ({ baseId, signal, timeoutMs, ...body }) => {
      const path = meta('bases', baseId, 'tables');
      const call: Call = {
        operation: 'meta.table.create',
        method: 'POST',
        path,
        body,
        baseId,
        idempotent: false,
      };
      return parseBody(tableSchema, await send(call, { signal, timeoutMs }), 'meta.table.create');
    },
    updateTable: async ({ baseId, tableIdOrName, signal, timeoutMs, ...body }) => {
      const path = meta('bases', baseId, 'tables', tableIdOrName);
      const call: Call = {
        operation: 'meta.table.update',
        method: 'PATCH',
        path,
        body,
        baseId,
        idempotent: true,
      };
      return parseBody(tableSchema, await send(call, { signal, timeoutMs }), 'meta.table.update');
    },
    createField: async ({ baseId, tableIdOrName, signal, timeoutMs, ...body }) => {
      const path = meta('bases', baseId, 'tables', tableIdOrName, 'fields');
      const call: Call = {
        operation: 'meta.field.create',
        method: 'POST',
        path,
        body,
        baseId,
        idempotent: false,
      };
      return parseBody(fieldSchema, await send(call, { signal, timeoutMs }), 'meta.field.create');
    },
    updateField: async ({ baseId, tableIdOrName, fieldId, signal, timeoutMs, ...body }) => {
      const path = meta('bases', baseId, 'tables', tableIdOrName, 'fields', fieldId);
      const call: Call = {
        operation: 'meta.field.update',
        method: 'PATCH',
        path,
        body,
        baseId,
        idempotent: true,
      };
      return parseBody(fieldSchema, await send(call, { signal, timeoutMs }), 'meta.field.update');
    },
  };
}
