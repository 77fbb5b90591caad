import type { DataSource } from '../data-source.types';
import type { AirtableContext } from './airtable.context';
import { airtableCommentOps } from './airtable.comments';
import { airtableRecordOps } from './airtable.records';
import { airtableSchemaOps } from './airtable.schema';
import { airtableUploadOps } from './airtable.uploads';

/**
 * The `airtable` driver: a connected real base, reached through the scheduled Airtable client.
 * It keeps Airtable's ids and names, so `/v0` answers as Airtable would; permissions, events and
 * change sets are the data service's, as for the local store. Comments and uploads are Airtable's own.
 */
export function createAirtableDataSource(context: AirtableContext): DataSource {
  return {
    kind: 'airtable',
    ...airtableSchemaOps(context),
    ...airtableRecordOps(context),
    ...airtableUploadOps(context),
    comments: airtableCommentOps(context),
  };
}
