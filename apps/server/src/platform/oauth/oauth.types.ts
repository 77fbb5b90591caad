import type { AppConfig } from '../../config';
import type { Database } from '../../infra/db';
import type { RateLimiter } from '../../infra/kv';
import type { AuditLog } from '../audit/audit.types';
import type { Auth } from '../auth/better-auth';
import type { ClientDirectory } from './clients/clients.directory';
import type { ConsentCsrf } from './consent.csrf';

/** What the authorization server's routes are built from. */
export interface OAuthDeps {
  config: Pick<AppConfig, 'server'>;
  db: Database;
  audit: AuditLog;
  auth: Auth;
  clients: ClientDirectory;
  csrf: ConsentCsrf;
  rateLimiter: RateLimiter;
  /** Origins allowed to post the forms besides the server's own (TABLEPORT_URL, TABLEPORT_CORS_ORIGINS). */
  trustedOrigins: readonly string[];
}
