import { hkdfSync, randomUUID } from 'node:crypto';
import { newId } from '@tableport/contracts';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { AppConfig } from '../../config';
import type { Orm } from '../../infra/db';
import type { Logger } from '../../infra/log/logger';
import { authAccounts, authVerifications, sessions, users } from './auth.tables';
import { hashPassword, verifyPassword } from './password';

/** What better-auth calls back into. */
export interface AuthHooks {
  /** After any user is created (sign-up, CLI, API): claims the instance for the first one. */
  onUserCreated(user: { id: string; email: string }): Promise<void>;
  /** Sends (or logs) a password reset link; must not throw for unknown mail trouble. */
  sendPasswordReset(input: { email: string; url: string }): Promise<void>;
  /** After a password was reset with an emailed link (every session of the user is revoked). */
  onPasswordReset(userId: string): Promise<void>;
}

/** Options of {@link createAuth}. */
export interface CreateAuthOptions {
  orm: Orm;
  config: AppConfig;
  secretKey: string;
  logger: Logger;
  hooks: AuthHooks;
}

/** The better-auth instance type. */
export type Auth = ReturnType<typeof createAuth>;

const SESSION_DAYS = 7;

/**
 * better-auth on the shared Drizzle instance (so on PGlite it uses the one session), with
 * email + password, argon2id, httpOnly SameSite=Lax cookies named `tableport.*`, hashed reset
 * tokens, its own Origin/Fetch-Metadata CSRF checks, and no telemetry. Rate limits and lockout are
 * ours (shared KV across nodes), so its in-memory limiter is off.
 */
export function createAuth(options: CreateAuthOptions) {
  const { config, hooks } = options;
  const publicUrl = config.server.publicUrl;
  const log = options.logger.child({ module: 'auth' });
  return betterAuth({
    appName: 'Tableport',
    basePath: '/api/auth',
    ...(publicUrl ? { baseURL: publicUrl } : {}),
    secret: deriveSecret(options.secretKey),
    trustedOrigins: [...config.server.corsOrigins, ...(publicUrl ? [publicUrl] : [])],
    database: drizzleAdapter(options.orm, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: authAccounts, verification: authVerifications },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 3600,
      password: { hash: hashPassword, verify: verifyPassword },
      // Not awaited: the answer must not take longer for existing accounts (enumeration by timing).
      sendResetPassword: async ({ user, url }) => {
        void hooks.sendPasswordReset({ email: user.email, url });
      },
      onPasswordReset: ({ user }) => hooks.onPasswordReset(user.id),
    },
    session: { expiresIn: SESSION_DAYS * 86_400, updateAge: 86_400 },
    verification: { storeIdentifier: 'hashed' },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: 'tableport',
      useSecureCookies: publicUrl?.startsWith('https://') ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      database: {
        generateId: ({ model }) =>
          model === 'user' ? newId('usr') : model === 'session' ? newId('ses') : randomUUID(),
      },
    },
    databaseHooks: {
      user: { create: { after: (user) => hooks.onUserCreated({ id: user.id, email: user.email }) } },
    },
    logger: {
      level: 'warn',
      // Without TABLEPORT_URL the origin comes from each request on purpose (reset mail then refuses).
      log: (level, message) =>
        log[level === 'debug' || message.includes('Base URL is not set') ? 'debug' : level](message),
    },
  });
}

/** better-auth's signing secret, derived from TABLEPORT_SECRET_KEY (HKDF-SHA256, own label). */
function deriveSecret(secretKey: string): string {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(secretKey, 'hex'), Buffer.alloc(0), 'tableport/better-auth', 32),
  ).toString('hex');
}
