import type { AirtableBaseSchema, AirtableField, AirtableTable } from '@tableport/airtable';
import { AppError, type FieldSchema, type TableSchema } from '@tableport/contracts';
import type { DataSource } from '../data-source.types';
import type { BaseSchema, SchemaChange, WriteContext } from '../data.types';
import type { AirtableContext } from './airtable.context';
import { loadSchema, lookupTable } from './source/schema.lookup';

type SchemaOps = Pick<DataSource, 'createBase' | 'getBaseSchema' | 'createTable' | 'updateTable' | 'createField' | 'updateField'>;

// Airtable's JSON passes through as it came: it may hold field types our contracts do not list
// yet, and a client of /v0 must see exactly what Airtable answered.
const asTable = (table: AirtableTable) => table as unknown as TableSchema;
const asField = (field: AirtableField) => field as unknown as FieldSchema;
const asSchema = (schema: AirtableBaseSchema): BaseSchema => ({ tables: schema.tables.map(asTable) });

/** Schema operations on a connected base: Airtable's metadata API, journaled as on the store. */
export function airtableSchemaOps(context: AirtableContext): SchemaOps {
  const journal = (write: WriteContext, schema: SchemaChange[]) =>
    context.db.transaction((tx) => write.journal.commit(tx, { schema }));
  const current = async (base: Parameters<AirtableContext['clientFor']>[0], tableIdOrName: string) => {
    const client = await context.clientFor(base);
    return { client, lookup: lookupTable(await loadSchema(client, base.id), tableIdOrName) };
  };
  return {
    async createBase() {
      throw new AppError({
        code: 'request.invalid',
        message: 'Bases behind Airtable are connected to a workspace, not created through Tableport',
      });
    },
    async getBaseSchema({ base, includeVisibleFieldIds }) {
      const client = await context.clientFor(base);
      return asSchema(await client.meta.getBaseSchema({ baseId: base.id, ...(includeVisibleFieldIds ? { includeVisibleFieldIds } : {}) }));
    },
    async createTable({ base, table, context: write }) {
      const client = await context.clientFor(base);
      const created = await client.meta.createTable({ baseId: base.id, ...table });
      await journal(write, [{ type: 'table.created', tableId: created.id, after: created }]);
      return asTable(created);
    },
    async updateTable({ base, tableIdOrName, changes, context: write }) {
      const { client, lookup } = await current(base, tableIdOrName);
      const updated = await client.meta.updateTable({ baseId: base.id, tableIdOrName, ...changes });
      const before = lookup ? { name: lookup.table.name, description: lookup.table.description ?? null } : null;
      const after = { name: updated.name, description: updated.description ?? null };
      await journal(write, [{ type: 'table.updated', tableId: updated.id, before, after }]);
      return asTable(updated);
    },
    async createField({ base, tableIdOrName, field, context: write }) {
      const { client, lookup } = await current(base, tableIdOrName);
      const created = await client.meta.createField({ baseId: base.id, tableIdOrName, ...field });
      await journal(write, [{ type: 'field.created', tableId: lookup?.table.id, fieldId: created.id, after: created }]);
      return asField(created);
    },
    async updateField({ base, tableIdOrName, fieldId, changes, context: write }) {
      const { client, lookup } = await current(base, tableIdOrName);
      const updated = await client.meta.updateField({ baseId: base.id, tableIdOrName, fieldId, ...changes });
      const before = lookup?.table.fields.find((candidate) => candidate.id === fieldId) ?? null;
      await journal(write, [{ type: 'field.updated', tableId: lookup?.table.id, fieldId, before, after: updated }]);
      return asField(updated);
    },
  };
}
