/**
 * Every Drizzle table of the platform database, module by module. drizzle-kit reads the
 * `*.tables.ts` files (drizzle.config.ts); this object types the ORM.
 */
import { domainEvents } from '../../comms/events/events.tables';
import { workspaces } from '../../platform/workspaces/workspaces.tables';
import { appSettings } from './settings.tables';

export const dbSchema = {
  appSettings,
  domainEvents,
  workspaces,
};
