import { AppError } from '@tableport/contracts';
import type { AppConfig } from '../../config';
import type { LockInfo } from '../../infra/db/data-dir-lock';

/** How `tableport mcp` serves: relay to a running server's `/mcp`, or run the embedded store itself. */
export type StdioMode = { kind: 'relay'; url: string; token: string } | { kind: 'embedded' };

/**
 * Picks the mode: `--url` or TABLEPORT_URL names a server to relay to; without one, a server
 * holding the embedded data dir (its lock file names its URL) is relayed to, because PGlite is one
 * process; otherwise the command opens the data itself. Relaying needs a key.
 */
export function resolveStdioMode(input: {
  config: Pick<AppConfig, 'server' | 'storage' | 'security' | 'cli'>;
  urlOption?: string;
  lock: LockInfo | undefined;
}): StdioMode {
  const { config } = input;
  const lockUrl = config.storage.databaseUrl ? undefined : input.lock?.url;
  const server = input.urlOption ?? config.server.publicUrl ?? lockUrl;
  if (!server) return { kind: 'embedded' };
  const token = config.cli.apiKey ?? config.security.adminToken;
  if (!token) {
    const why = server === lockUrl ? ` (it holds the data dir ${config.storage.dataDir})` : '';
    throw new AppError({
      code: 'config.invalid',
      message: `tableport mcp relays to the server at ${server}${why} and needs a key: set TABLEPORT_API_KEY to an API key (or TABLEPORT_ADMIN_TOKEN).`,
    });
  }
  return { kind: 'relay', url: `${server.replace(/\/+$/, '')}/mcp`, token };
}
