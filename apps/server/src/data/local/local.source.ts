import type { Database } from '../../infra/db';
import type { DataSource } from '../data-source.types';
import type { AttachmentStore, CollaboratorDirectory } from './fields/field-codec.types';
import { createLocalContext } from './local.context';
import { createDefaultDirectory, createUrlAttachmentStore, createZeroCommentCounter } from './local.defaults';
import { localRecordOps } from './local.records';
import { localSchemaOps } from './local.schema';
import type { CommentCounter } from './records/records.present';
import { createSchemaCache } from './schema/schema.cache';

/** Collaborators of the local driver; each has a default until its issue lands. */
export interface LocalDataSourceOptions {
  db: Database;
  /** Users behind collaborator cells (platform issue). */
  directory?: CollaboratorDirectory;
  /** Attachment ingestion (attachments issue). */
  attachments?: AttachmentStore;
  /** commentCount for `recordMetadata` (comments issue). */
  comments?: CommentCounter;
}

/**
 * The embedded Airtable-compatible store: metadata in `data_tables/fields/views`, each table a real
 * SQL table `"<baseId>"."<tableId>"` with one column per field, so filters and sorts run in SQL.
 */
export function createLocalDataSource(options: LocalDataSourceOptions): DataSource {
  const context = createLocalContext({
    db: options.db,
    schemas: createSchemaCache(),
    services: {
      directory: options.directory ?? createDefaultDirectory(),
      attachments: options.attachments ?? createUrlAttachmentStore(),
    },
    comments: options.comments ?? createZeroCommentCounter(),
  });
  return { kind: 'local', ...localSchemaOps(context), ...localRecordOps(context) };
}
