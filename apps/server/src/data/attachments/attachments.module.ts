import path from 'node:path';
import type { AppContext } from '../../app/app-context';
import type { AppModule } from '../../app/module';
import type { Authorizer } from '../../platform/authz/authz.types';
import type { DataServices } from '../data.module';
import type { V0Extension } from '../v0/v0.app';
import { createLocalAttachmentStore, type LocalAttachmentStore } from './attachment.store';
import { createDbFileStore } from './files.db';
import { createDiskFileStore } from './files.disk';
import { fileRoutes } from './files.routes';
import { uploadBodyLimit, uploadRoutes } from './upload.routes';

/**
 * Attachments: files kept in the data dir (embedded) or the database (PostgreSQL), served at
 * `/files/…`, the store's attachment ingestion, and Airtable's upload endpoint on `/v0`.
 */
export function createAttachmentsModule(
  context: AppContext,
  deps: { authorizer: Authorizer; services: () => DataServices },
): { store: LocalAttachmentStore; v0: V0Extension; module: AppModule } {
  const { config } = context;
  const files =
    context.db.dialect === 'postgres'
      ? createDbFileStore({ db: context.db })
      : createDiskFileStore({ directory: path.join(config.storage.dataDir, 'attachments') });
  // TABLEPORT_URL when set (behind a proxy it must be); else the local listener.
  const publicUrl = () => config.server.publicUrl ?? `http://localhost:${config.server.port}`;
  const store = createLocalAttachmentStore({ files, outbound: context.outbound, publicUrl, logger: context.logger });
  return {
    store,
    v0: uploadRoutes({ db: context.db, authorizer: deps.authorizer, services: deps.services, store }),
    module: {
      name: 'attachments',
      bodyLimitOverrides: () => [uploadBodyLimit],
      routes: ({ root }) => {
        root.route('/', fileRoutes(files));
      },
    },
  };
}
