import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../app/app-context';
import type { AppModule } from '../app/module';
import type { AppEnv } from '../gateway/gateway.types';
import type { PlatformServices } from '../platform/platform.module';
import { createCsvService, type CsvService } from './csv/csv.service';
import { createDataService, type DataService } from './data.service';
import type { DataSource } from './data-source.types';
import { createLocalDataSource, type LocalDataSourceOptions } from './local/local.source';
import { createV0App, type V0Extension } from './v0/v0.app';
import { handleV0Error } from './v0/v0.errors';

/** Seams for the issues that build on the store (each optional; defaults keep the core complete). */
export interface DataModuleOptions {
  platform: PlatformServices;
  /** Local driver collaborators: user directory, attachment store, comment counter. */
  local?: Omit<LocalDataSourceOptions, 'db'>;
  /** The real-Airtable driver (issue 5). */
  airtable?: DataSource;
  /** `/v0` middleware after authentication (rate-limit emulation). */
  v0Middleware?: readonly MiddlewareHandler<AppEnv>[];
  /** `/v0` route groups (comments, webhooks, attachment upload). */
  v0Extensions?: readonly V0Extension[];
}

/** What the data module offers other modules (MCP, web API, AI, automations). */
export interface DataServices {
  data: DataService;
  local: DataSource;
  /** The airtable driver, when this server connects bases (uploads and comments go through it). */
  airtable?: DataSource;
  /** CSV import and export of tables (the MCP `export_table_csv` tool, `/api/v1/.../csv`, the CLI). */
  csv: CsvService;
}

/** The data module: the local store, the data service and the `/v0` API. */
export function createDataModule(context: AppContext, options: DataModuleOptions): { module: AppModule; services: DataServices } {
  const local = createLocalDataSource({ db: context.db, ...options.local });
  const data = createDataService({
    db: context.db,
    events: context.events,
    authorizer: options.platform.authorizer,
    drivers: { local, ...(options.airtable ? { airtable: options.airtable } : {}) },
    defaultWorkspaceId: () => options.platform.defaultWorkspaceId(),
  });
  return {
    services: { data, local, ...(options.airtable ? { airtable: options.airtable } : {}), csv: createCsvService({ data }) },
    module: {
      name: 'data',
      errorHandlers: () => [{ pathPrefix: '/v0/', handle: handleV0Error }],
      routes: ({ root }) => {
        root.route('/v0', createV0App({ service: data, middleware: options.v0Middleware, extensions: options.v0Extensions }));
      },
    },
  };
}
