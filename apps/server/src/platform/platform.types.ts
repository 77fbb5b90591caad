import type { AppConfig } from '../config';
import type { AuditLog } from './audit/audit.types';
import type { Authorizer } from './authz/authz.types';
import type { RoleStore } from './authz/role-store';
import type { Auth } from './auth/better-auth';
import type { UserService } from './auth/users.service';
import type { KeyService } from './keys/keys.service';
import type { Mailer } from './mail/mailer';
import type { SecretStore } from './secrets/secrets.service';
import type { BaseRoleService } from './workspaces/base-roles.service';
import type { InvitationService } from './workspaces/invitations.service';
import type { MemberService } from './workspaces/members.service';
import type { WorkspaceService } from './workspaces/workspaces.service';

/** What the platform module offers other modules. */
export interface PlatformServices {
  /** The one authorization function (roles × scopes × base allow-lists). */
  authorizer: Authorizer;
  /** The workspace admin-token work lands in when none is named. */
  defaultWorkspaceId(): Promise<string>;
  /** Records sign-ins, role, key and secret changes; data changes come from domain events. */
  audit: AuditLog;
  /** Encrypted secrets; `reveal` is the one server-side way to read a value. */
  secrets: SecretStore;
  keys: KeyService;
  users: UserService;
  workspaces: WorkspaceService;
  mailer: Mailer;
}

/** Everything the platform's routes and CLI work with. */
export interface PlatformInternals extends PlatformServices {
  config: AppConfig;
  auth: Auth;
  roles: RoleStore;
  members: MemberService;
  invitations: InvitationService;
  baseRoles: BaseRoleService;
}
