import type { AppConfig } from '../config';
import type { Database } from '../infra/db';
import type { Logger } from '../infra/log/logger';
import { createAuditLog } from './audit/audit-log';
import { createAuthHooks } from './auth/auth-hooks';
import { createAuth } from './auth/better-auth';
import { createUserService } from './auth/users.service';
import { createAuthorizer } from './authz/authorizer';
import type { BaseDirectory } from './authz/authz.types';
import { createRoleStore } from './authz/role-store';
import { createKeyService } from './keys/keys.service';
import { createMailer } from './mail/mailer';
import type { PlatformInternals } from './platform.types';
import { createKeyRing } from './secrets/key-ring';
import { createSecretStore } from './secrets/secrets.service';
import { createBaseRoleService } from './workspaces/base-roles.service';
import { ensureDefaultWorkspace } from './workspaces/default-workspace';
import { createInvitationService } from './workspaces/invitations.service';
import { createMemberService } from './workspaces/members.service';
import { createWorkspaceService } from './workspaces/workspaces.service';

/** Until the store supplies its directory, no base exists for the authorizer. */
export const NO_BASES: BaseDirectory = { workspaceOf: async () => null, baseIdsIn: async () => [] };

/** What the platform is built from (the server's AppContext, or the CLI's own database). */
export interface PlatformOptions {
  db: Database;
  config: AppConfig;
  secretKey: string;
  logger: Logger;
  bases?: BaseDirectory;
}

/** Builds every platform service over one database (so on PGlite, one session). */
export function createPlatform(
  options: PlatformOptions,
): PlatformInternals & { keyRing: ReturnType<typeof createKeyRing> } {
  const { db, config, logger } = options;
  const bases = options.bases ?? NO_BASES;
  let defaultWorkspace: Promise<string> | undefined;
  const defaultWorkspaceId = () => (defaultWorkspace ??= ensureDefaultWorkspace(db));
  const audit = createAuditLog(db);
  const mailer = createMailer({ smtpUrl: config.smtp.url, from: config.platform.mailFrom, logger });
  const hooks = createAuthHooks({ db, config, logger, audit, mailer, defaultWorkspaceId });
  const auth = createAuth({ orm: db.orm, config, secretKey: options.secretKey, logger, hooks });
  const roles = createRoleStore(db);
  const members = createMemberService({ db, audit });
  const keyRing = createKeyRing({
    secretKey: options.secretKey,
    previousSecretKey: config.platform.previousSecretKey,
  });
  return {
    config,
    auth,
    roles,
    audit,
    mailer,
    keyRing,
    defaultWorkspaceId,
    authorizer: createAuthorizer({ roles, bases }),
    users: createUserService({ db, auth, audit }),
    workspaces: createWorkspaceService({ db, audit }),
    members,
    invitations: createInvitationService({ db, audit, members }),
    baseRoles: createBaseRoleService({ db, audit, bases }),
    keys: createKeyService({ db, audit }),
    secrets: createSecretStore({ db, keyRing, audit }),
  };
}
