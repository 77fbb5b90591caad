import type { AppModule } from '../../app/module';
import type { DataServices } from '../data.module';
import { csvRoutes } from './csv.routes';

/** CSV import and export of tables on `/api/v1`. */
export function createCsvModule(deps: { services: () => DataServices }): AppModule {
  return {
    name: 'csv',
    routes: ({ api }) => {
      api.route('/', csvRoutes(() => deps.services().csv));
    },
  };
}
