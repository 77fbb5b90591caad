import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../app/app-context';
import type { AppEnv } from '../gateway/gateway.types';
import type { AppModule } from '../app/module';
import type { RouteMounts } from '../gateway/http-app';
import { auditRoutes } from './api/audit.routes';
import { baseRoleRoutes } from './api/base-roles.routes';
import { invitationRoutes } from './api/invitations.routes';
import { keyRoutes } from './api/keys.routes';
import { meRoutes } from './api/me.routes';
import { memberRoutes } from './api/members.routes';
import { secretRoutes } from './api/secrets.routes';
import { workspaceRoutes } from './api/workspaces.routes';
import { subscribeAudit } from './audit/audit.events';
import { mountAuthRoutes } from './auth/auth.routes';
import { sessionAuthenticator } from './auth/session.authenticator';
import type { BaseDirectory } from './authz/authz.types';
import { apiKeyAuthenticator } from './keys/key.authenticator';
import { createOAuthServer } from './oauth/oauth.server';
import { principalRateLimit } from './limits/request-limit';
import { createSignInGuard } from './limits/sign-in-guard';
import { createPlatform } from './platform.factory';
import type { PlatformInternals, PlatformServices } from './platform.types';

export type { PlatformServices } from './platform.types';

/** Options of {@link createPlatformModule}. */
export interface PlatformModuleOptions {
  /** How bases map to workspaces (the store's directory); until wired, no base exists. */
  bases?: BaseDirectory;
}

/**
 * Users and sessions (better-auth), workspaces, members, invitations and roles, API keys, the
 * authorizer, encrypted secrets, the audit log, rate limits and sign-in lockout, and the OAuth 2.1
 * authorization server for MCP clients.
 */
export function createPlatformModule(
  context: AppContext,
  options: PlatformModuleOptions = {},
): {
  module: AppModule;
  services: PlatformServices & {
    requestLimit: MiddlewareHandler<AppEnv>;
    /** The OAuth issuer for a request that came to `origin` (the MCP resource metadata lists it). */
    oauthIssuer: (origin: string) => string;
  };
} {
  const platform = createPlatform({ ...context, bases: options.bases });
  const oauth = createOAuthServer({ ...context, audit: platform.audit, auth: platform.auth });
  const requestLimit = principalRateLimit({
    rateLimiter: context.kv.rateLimiter,
    db: context.db,
    perSecond: context.config.platform.rateLimitPerSecond,
  });
  const trustedOrigins = [
    ...context.config.server.corsOrigins,
    ...(context.config.server.publicUrl ? [context.config.server.publicUrl] : []),
  ];
  let stopAudit: (() => void) | undefined;
  let stopBaseCleanup: (() => void) | undefined;
  return {
    services: { ...platform, requestLimit, oauthIssuer: oauth.issuer },
    module: {
      name: 'platform',
      authenticators: () => [
        apiKeyAuthenticator({ db: context.db }),
        oauth.authenticator,
        sessionAuthenticator({ auth: platform.auth, trustedOrigins }),
      ],
      routes: (mounts) => {
        mountPlatformRoutes({ context, platform, requestLimit, mounts });
        oauth.mount(mounts.root);
      },
      start: async () => {
        await platform.defaultWorkspaceId();
        if (!(await platform.roles.instanceOwnerId())) {
          context.logger.info(
            'no user yet: the first to sign up (POST /api/auth/sign-up/email) or `tableport user create` becomes the owner',
          );
        }
        const rewrapped = await context.db.transaction((tx) => platform.keyRing.rewrap(tx));
        if (rewrapped > 0)
          context.logger.info(
            { rewrapped },
            'secret data keys re-wrapped under the new TABLEPORT_SECRET_KEY',
          );
        const audit = subscribeAudit({
          events: context.events,
          audit: platform.audit,
          db: context.db,
          logger: context.logger,
        });
        stopAudit = audit.unsubscribe;
        await audit.catchUp();
        stopBaseCleanup = context.events.subscribe('base.deleted', async (event, meta) => {
          if (meta.origin === 'local' && event.baseId) await platform.baseRoles.forgetBase(event.baseId);
        });
      },
      stop: async () => {
        stopAudit?.();
        stopBaseCleanup?.();
      },
    },
  };
}

function mountPlatformRoutes(input: {
  context: AppContext;
  platform: PlatformInternals;
  requestLimit: MiddlewareHandler<AppEnv>;
  mounts: RouteMounts;
}): void {
  const { context, platform, mounts } = input;
  const { root, api } = mounts;
  // `/v0` takes the limit as its own middleware (app/modules.ts), so a 429 has Airtable's shape there.
  for (const path of ['/api/*', '/mcp', '/mcp/*']) root.use(path, input.requestLimit);
  mountAuthRoutes(root, {
    auth: platform.auth,
    guard: createSignInGuard({ kv: context.kv }),
    audit: platform.audit,
    signupMode: context.config.platform.signup,
    mayJoin: async (email) =>
      !(await platform.roles.instanceOwnerId()) || platform.invitations.hasPending(email),
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'tableport.session_token',
    description:
      'The browser session (sign in at /api/auth/sign-in/email); unsafe methods need a same-origin request',
  });
  for (const routes of [
    meRoutes,
    workspaceRoutes,
    memberRoutes,
    invitationRoutes,
    baseRoleRoutes,
    keyRoutes,
    auditRoutes,
    secretRoutes,
  ]) {
    api.route('/', routes(platform));
  }
}
