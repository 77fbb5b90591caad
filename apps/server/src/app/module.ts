import type {
  AuthChallenge,
  Authenticator,
  PathErrorHandler,
  ReadinessCheck,
} from '../gateway/gateway.types';
import type { RouteMounts } from '../gateway/http-app';
import type { BodyLimitOverride } from '../gateway/middleware/limits';
import type { JobDefinition } from '../infra/jobs';

/**
 * One module of the app (platform, data, mcp, ai, workflows, comms). Every hook is optional; the
 * composition root calls them in order: jobs → authenticators → routes → start, and stop in reverse.
 */
export interface AppModule {
  name: string;
  jobs?: () => JobDefinition<object>[];
  authenticators?: () => Authenticator[];
  /** `WWW-Authenticate` challenges for 401s under a path (MCP's RFC 9728 pointer). */
  authChallenges?: () => AuthChallenge[];
  /** Error formats of surfaces that answer in their own shape, also for gateway-level refusals (413, 414). */
  errorHandlers?: () => PathErrorHandler[];
  readinessChecks?: () => ReadinessCheck[];
  bodyLimitOverrides?: () => BodyLimitOverride[];
  /** Mounts HTTP routes (roles `all` and `api` only). */
  routes?: (mounts: RouteMounts) => void;
  /** Runs after migrations and the job queue started, before the server listens. */
  start?: () => Promise<void>;
  stop?: () => Promise<void>;
}
