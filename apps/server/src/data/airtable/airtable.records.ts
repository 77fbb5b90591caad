import type { AirtableClient, AirtableRecord } from '@tableport/airtable';
import type { DataSource } from '../data-source.types';
import type { DeletedRecord, RecordData, UpdateMode } from '../data.types';
import type { AirtableContext } from './airtable.context';
import { fetchByIds } from './source/before.fetch';
import { createdChanges, deletedChanges, updatedChanges } from './source/changes.build';
import { fieldKeys, journalWrite, tableLookup, type TableAt } from './source/journal.write';
import { upsertInChunks } from './source/upsert.write';
import { writeInChunks } from './source/write.chunks';

type RecordOps = Pick<
  DataSource,
  'listRecords' | 'getRecord' | 'createRecords' | 'updateRecords' | 'upsertRecords' | 'deleteRecords'
>;

const toRecord = (record: AirtableRecord): RecordData => record;

/**
 * Record operations on a connected base: Airtable's own API through the scheduler. Writes of any
 * length go out in requests of 10 (lone records merge with other callers' writes); updates and
 * deletes first read the records' current cells, so change sets can be undone as on the store.
 */
export function airtableRecordOps(context: AirtableContext): RecordOps {
  const at = async (base: TableAt['base'], tableIdOrName: string): Promise<TableAt> => ({
    context,
    client: await context.clientFor(base),
    base,
    tableIdOrName,
  });
  return {
    async listRecords({ base, offset, ...options }) {
      const client = await context.clientFor(base);
      const page = await client.records.list({ ...options, baseId: base.id, ...(offset ? { offset } : {}) });
      return { ...page, records: page.records.map(toRecord) };
    },
    async getRecord({ base, ...options }) {
      const client = await context.clientFor(base);
      return toRecord(await client.records.get({ ...options, baseId: base.id }));
    },
    async createRecords({ base, tableIdOrName, records, typecast, returnFieldsByFieldId, context: write }) {
      const where = await at(base, tableIdOrName);
      const ref = { baseId: base.id, tableIdOrName, typecast, returnFieldsByFieldId };
      return writeInChunks({
        items: records,
        send: async (items) =>
          items.length === 1
            ? [await where.client.records.create({ ...ref, fields: items[0]!.fields })]
            : where.client.records.createMany({ ...ref, records: items }),
        onWritten: (written) =>
          journalWrite({ ...where, write, keys: fieldKeys(written), changes: (lookup) => createdChanges(lookup, written) }),
      });
    },
    async updateRecords({ base, tableIdOrName, records, mode, typecast, returnFieldsByFieldId, context: write }) {
      const where = await at(base, tableIdOrName);
      const lookup = await tableLookup(where, fieldKeys(records));
      const tableId = lookup?.table.id ?? tableIdOrName;
      const before = await fetchByIds({ client: where.client, baseId: base.id, tableId, ids: records.map((record) => record.id) });
      const ref = { baseId: base.id, tableIdOrName, typecast, returnFieldsByFieldId };
      return writeInChunks({
        items: records,
        send: (items) => sendUpdates({ client: where.client, ref, items, mode }),
        onWritten: (written) =>
          journalWrite({ ...where, write, changes: (table) => updatedChanges({ lookup: table, before, after: written }) }),
      });
    },
    async upsertRecords({ base, context: write, ...options }) {
      return upsertInChunks({ where: await at(base, options.tableIdOrName), write, options });
    },
    async deleteRecords({ base, tableIdOrName, recordIds, context: write }) {
      const where = await at(base, tableIdOrName);
      const lookup = await tableLookup(where);
      const before = await fetchByIds({ client: where.client, baseId: base.id, tableId: lookup?.table.id ?? tableIdOrName, ids: recordIds });
      const ref = { baseId: base.id, tableIdOrName };
      return writeInChunks<string, DeletedRecord>({
        items: recordIds,
        send: async (ids) => {
          const deleted =
            ids.length === 1
              ? [await where.client.records.delete({ ...ref, recordId: ids[0]! })]
              : await where.client.records.deleteMany({ ...ref, recordIds: ids });
          return deleted.map(({ id }) => ({ id, deleted: true as const }));
        },
        onWritten: (deleted) =>
          journalWrite({ ...where, write, changes: (table) => deletedChanges({ lookup: table, before, ids: deleted.map(({ id }) => id) }) }),
      });
    },
  };
}

async function sendUpdates(input: {
  client: AirtableClient;
  ref: { baseId: string; tableIdOrName: string; typecast?: boolean; returnFieldsByFieldId?: boolean };
  items: ReadonlyArray<{ id: string; fields: Record<string, unknown> }>;
  mode: UpdateMode;
}): Promise<RecordData[]> {
  const { client, ref, items } = input;
  const replace = input.mode === 'replace';
  if (items.length === 1) {
    const single = { ...ref, recordId: items[0]!.id, fields: items[0]!.fields };
    return [await (replace ? client.records.replace(single) : client.records.update(single))];
  }
  const many = { ...ref, records: items };
  return replace ? client.records.replaceMany(many) : client.records.updateMany(many);
}
