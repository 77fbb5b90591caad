import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppModule } from '../../app/module';
import { startTableport } from '../../app/tableport';
import type { AppConfig } from '../../config';
import type { Authenticator } from '../../gateway/gateway.types';
import { bearerToken } from '../../gateway/middleware/auth';
import type { Logger } from '../../infra/log/logger';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Accepts only this process's random token, as the local owner of the data dir (admin rights). */
function stdioAuthenticator(token: string): Authenticator {
  const expected = digest(token);
  return async (request) => {
    const presented = bearerToken(request);
    if (!presented || !timingSafeEqual(digest(presented), expected)) return null;
    return { kind: 'admin', id: 'stdio', userId: null, scopes: 'all' };
  };
}

/**
 * Runs Tableport in this process on a loopback port (it takes the data dir lock, so other CLI
 * commands go through it), reachable only with a random per-process token. `tableport mcp` then
 * relays stdio to it, so the embedded and the remote case share one code path.
 */
export async function startEmbeddedServer(input: { config: AppConfig; logger: Logger }) {
  const token = randomBytes(32).toString('base64url');
  const module: AppModule = { name: 'mcp-stdio', authenticators: () => [stdioAuthenticator(token)] };
  const app = await startTableport({
    config: { ...input.config, server: { ...input.config.server, port: 0, host: '127.0.0.1' } },
    role: 'all',
    logger: input.logger,
    serveWebApp: false,
    extraModules: () => [module],
  });
  return { url: `${app.url}/mcp`, token, stop: () => app.stop() };
}
