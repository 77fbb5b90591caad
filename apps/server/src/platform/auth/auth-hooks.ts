import type { AppConfig } from '../../config';
import type { Database } from '../../infra/db';
import type { Logger } from '../../infra/log/logger';
import type { AuditLog } from '../audit/audit.types';
import type { Mailer } from '../mail/mailer';
import type { AuthHooks } from './better-auth';
import { claimInstanceOwner } from './instance-owner';

const system = { kind: 'system', id: 'system', userId: null, channel: 'web' } as const;

/** What better-auth calls back: instance ownership, reset mail, audit. */
export function createAuthHooks(options: {
  db: Database;
  config: AppConfig;
  logger: Logger;
  audit: AuditLog;
  mailer: Mailer;
  defaultWorkspaceId: () => Promise<string>;
}): AuthHooks {
  const { audit, logger } = options;
  return {
    async onUserCreated(user) {
      const claimed = await claimInstanceOwner({
        db: options.db,
        userId: user.id,
        defaultWorkspaceId: options.defaultWorkspaceId,
      });
      if (!claimed) return;
      logger.info({ userId: user.id }, 'the first user is the instance owner');
      await audit.record({
        action: 'instance.owner_claimed',
        actor: system,
        target: { type: 'user', id: user.id },
      });
    },
    async sendPasswordReset({ email, url }) {
      // Without TABLEPORT_URL the link's host comes from the request's Host header, which a
      // stranger chooses: never email such a link (reset-link poisoning); the log is fine.
      if (options.mailer.kind === 'smtp' && !options.config.server.publicUrl) {
        logger.warn(
          { to: email },
          'password reset email not sent: set TABLEPORT_URL so reset links point at this server',
        );
        return;
      }
      await options.mailer
        .send({
          to: email,
          subject: 'Reset your Tableport password',
          text: `Reset your password (valid for 1 hour): ${url}`,
          link: url,
        })
        .catch((error: unknown) => logger.warn({ err: error, to: email }, 'password reset email failed'));
    },
    async onPasswordReset(userId) {
      await audit.record({
        action: 'auth.password_reset',
        actor: { ...system, kind: 'user', id: userId, userId },
        target: { type: 'user', id: userId },
      });
    },
  };
}
