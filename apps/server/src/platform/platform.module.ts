import type { AppContext } from '../app/app-context';
import type { AppModule } from '../app/module';
import { createAuthorizer } from './authz/authorizer';
import type { Authorizer } from './authz/authz.types';
import { ensureDefaultWorkspace } from './workspaces/default-workspace';

/** What the platform module offers other modules. */
export interface PlatformServices {
  authorizer: Authorizer;
  /** The workspace admin-token work lands in when none is named. */
  defaultWorkspaceId(): Promise<string>;
}

/** Users, workspaces, roles, keys, OAuth, secrets and audit (minimal now: authorizer and default workspace). */
export function createPlatformModule(context: AppContext): { module: AppModule; services: PlatformServices } {
  let defaultWorkspace: Promise<string> | undefined;
  const services: PlatformServices = {
    authorizer: createAuthorizer(),
    defaultWorkspaceId: () => (defaultWorkspace ??= ensureDefaultWorkspace(context.db)),
  };
  return {
    services,
    module: {
      name: 'platform',
      start: async () => {
        await services.defaultWorkspaceId();
      },
    },
  };
}
