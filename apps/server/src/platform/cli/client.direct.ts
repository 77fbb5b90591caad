import { AppError } from '@tableport/contracts';
import type { AppConfig } from '../../config';
import { resolveSecretKey } from '../../config';
import { migrateUp, openDatabase } from '../../infra/db';
import type { Logger } from '../../infra/log/logger';
import { createPlatform } from '../platform.factory';
import { CLI_ACTOR, type PlatformClient } from './platform-client';

/**
 * The platform services on the database itself (no server running). On PGlite this takes the
 * data-dir lock, so it fails with `db.locked` (naming TABLEPORT_URL) while a server holds it.
 */
export async function openDirectClient(options: {
  config: AppConfig;
  logger: Logger;
}): Promise<PlatformClient> {
  const { config, logger } = options;
  const { db, lock } = await openDatabase(config, logger);
  try {
    await migrateUp(db);
    const platform = createPlatform({ db, config, logger, secretKey: resolveSecretKey(config).key });
    return {
      mode: 'database',
      createUser: (input) => platform.users.create({ ...input, actor: CLI_ACTOR }),
      listUsers: () => platform.users.list(),
      async createKey({ userEmail, expiresAt, ...input }) {
        const userId = userEmail
          ? (await platform.users.findByEmail(userEmail))?.id
          : await platform.roles.instanceOwnerId();
        if (!userId) {
          throw new AppError({
            code: 'user.not_found',
            message: userEmail
              ? `No user ${userEmail}`
              : 'No user exists yet: create one with `tableport user create`',
          });
        }
        return platform.keys.create({
          ...input,
          userId,
          expiresAt: expiresAt ? new Date(expiresAt) : null,
          actor: CLI_ACTOR,
        });
      },
      listKeys: () => platform.keys.list(null),
      revokeKey: (id) => platform.keys.revoke({ id, actor: CLI_ACTOR }),
      rotateSecrets: () => platform.secrets.rotate(CLI_ACTOR),
      close: async () => {
        await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    await db.close();
    lock?.release();
    throw error;
  }
}
