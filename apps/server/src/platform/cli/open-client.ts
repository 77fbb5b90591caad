import type { AppConfig } from '../../config';
import type { Logger } from '../../infra/log/logger';
import { openDirectClient } from './client.direct';
import { createHttpClient } from './client.http';
import type { PlatformClient } from './platform-client';

/**
 * With TABLEPORT_URL and TABLEPORT_ADMIN_TOKEN set, the CLI works through that server's API (the
 * only way while a server holds the embedded database); otherwise it opens the database itself.
 */
export async function openPlatformClient(options: {
  config: AppConfig;
  logger: Logger;
}): Promise<PlatformClient> {
  const { publicUrl } = options.config.server;
  const { adminToken } = options.config.security;
  if (publicUrl && adminToken) return createHttpClient({ url: publicUrl, adminToken });
  return openDirectClient(options);
}
