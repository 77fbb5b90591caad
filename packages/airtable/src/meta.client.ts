import { parseBody } from './http.body';
import { QueryBuilder, v0Path } from './http.query';
import type { AirtableRequest, AirtableRequestHandler, CallOptions } from './http.types';
import {
  baseSchemaSchema,
  basesPageSchema,
  createdBaseSchema,
  fieldSchema,
  tableSchema,
  whoamiSchema,
} from './meta.schema';
import type { MetaApi } from './meta.types';

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
