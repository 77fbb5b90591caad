import type { AirtableClient } from '@tableport/airtable';
import type { BaseEntry, DataSource } from '../data-source.types';
import type { AirtableContext } from './airtable.context';
import { updatedChanges } from './source/changes.build';
import { journalWrite } from './source/journal.write';
import { loadSchema } from './source/schema.lookup';

/**
 * Uploads on a connected base: Airtable's `uploadAttachment` on its content host, so the file goes
 * to Airtable itself (a file kept by Tableport is served at an address Airtable cannot reach).
 * Airtable appends the file and answers the whole cell, so the cell before the upload is that
 * answer without its last file: no request is spent reading it. Journaled as an update.
 */
export function airtableUploadOps(context: AirtableContext): Required<Pick<DataSource, 'uploadAttachment'>> {
  return {
    async uploadAttachment({ base, recordId, fieldIdOrName, file, context: write }) {
      const client = await context.clientFor(base);
      const record = await client.attachments.upload({
        baseId: base.id,
        recordId,
        attachmentFieldIdOrName: fieldIdOrName,
        contentType: file.contentType,
        filename: file.filename,
        file: file.content,
      });
      const [fieldId, cell] = Object.entries(record.fields)[0] ?? [];
      const tableId = fieldId && Array.isArray(cell) ? await tableHolding({ context, client, base }, fieldId) : undefined;
      if (fieldId && tableId) {
        const earlier = (cell as unknown[]).slice(0, -1);
        const before = new Map([[record.id, { ...record, fields: earlier.length > 0 ? { [fieldId]: earlier } : {} }]]);
        await journalWrite({ context, client, base, tableIdOrName: tableId, write, keys: [fieldId], changes: (lookup) => updatedChanges({ lookup, before, after: [record] }) });
      }
      return record;
    },
  };
}

/** The table of a field id, from the cached schema, read again once if the field is new. */
async function tableHolding(
  at: { context: AirtableContext; client: AirtableClient; base: Pick<BaseEntry, 'id'> },
  fieldId: string,
): Promise<string | undefined> {
  const find = async () =>
    (await loadSchema(at.client, at.base.id)).tables.find((table) => table.fields.some((field) => field.id === fieldId))?.id;
  const cached = await find();
  if (cached) return cached;
  await at.context.invalidate({ scope: at.base.id, kinds: ['schema'] });
  return find();
}
