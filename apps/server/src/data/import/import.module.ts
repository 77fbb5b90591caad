import type { AppContext } from '../../app/app-context';
import type { AppModule } from '../../app/module';
import type { DataServices } from '../data.module';
import { importRoutes } from './import.routes';

/** Imports of whole bases from Airtable-compatible APIs, on `/api/v1/imports/airtable`. */
export function createImportModule(context: AppContext, deps: { services: () => DataServices }): AppModule {
  return {
    name: 'import',
    routes: ({ api }) => {
      api.route('/', importRoutes({ data: () => deps.services().data, outbound: context.outbound }));
    },
  };
}
