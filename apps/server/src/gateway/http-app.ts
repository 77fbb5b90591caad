import { AppError } from '@tableport/contracts';
import { Hono } from 'hono';
import type { AppConfig } from '../config';
import { createAddressMatcher } from '../infra/http/address-policy';
import type { Logger } from '../infra/log/logger';
import type { Metrics } from '../infra/metrics';
import { createApiApp, type ApiApp } from './api-app';
import { docsRoutes } from './docs.routes';
import { createErrorHandler, handleError } from './error-handler';
import type { AppEnv, AuthChallenge, Authenticator, PathErrorHandler, ReadinessCheck } from './gateway.types';
import { healthRoutes, type ReadinessInfo } from './health.routes';
import { authenticate } from './middleware/auth';
import { requestBodyLimit, urlLengthLimit, type BodyLimitOverride } from './middleware/limits';
import { browserCors } from './middleware/cors';
import { observe } from './middleware/observe';
import { securityHeaders } from './middleware/security-headers';
import { requestContext, type createInFlight } from './middleware/request-context';
import { webAppRoutes } from './static.routes';

/** Headers Airtable's CORS answer allows: browsers running airtable.js send these. */
const AIRTABLE_CORS_HEADERS = [
  'authorization',
  'content-length',
  'content-type',
  'user-agent',
  'x-airtable-application-id',
  'x-airtable-user-agent',
  'x-api-version',
  'x-requested-with',
];

/** Where modules mount their routes. */
export interface RouteMounts {
  /** The root app, for non-OpenAPI surfaces (`/v0`, `/mcp`, `/.well-known`). */
  root: Hono<AppEnv>;
  /** `/api/v1`, documented in the OpenAPI document. */
  api: ApiApp;
}

/** Everything the HTTP app is built from. */
export interface HttpAppOptions {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  inFlight: ReturnType<typeof createInFlight>;
  authenticators: readonly Authenticator[];
  authChallenges?: readonly AuthChallenge[];
  errorHandlers?: readonly PathErrorHandler[];
  readiness: { checks: readonly ReadinessCheck[]; info: ReadinessInfo };
  mount: (mounts: RouteMounts) => void;
  webDistDir: string | undefined;
  bodyLimitOverrides?: readonly BodyLimitOverride[];
}

/** The gateway: one Hono app with the shared middleware stack, one error handler and every route. */
export function createHttpApp(options: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const trusted = options.config.server.trustedProxies;
  app.use(
    requestContext({
      logger: options.logger,
      inFlight: options.inFlight,
      ...(trusted.length > 0 ? { trustedProxy: createAddressMatcher(trusted) } : {}),
    }),
  );
  app.use(observe({ metrics: options.metrics, logger: options.logger }));
  app.use(securityHeaders());
  app.use(urlLengthLimit());
  app.use(
    requestBodyLimit({
      defaultBytes: options.config.server.bodyLimitBytes,
      overrides: options.bodyLimitOverrides,
    }),
  );
  app.use(
    '/v0/*',
    browserCors({
      origin: '*',
      allowHeaders: AIRTABLE_CORS_HEADERS,
      allowMethods: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
      fixedHeaders: { 'Access-Control-Allow-Origin': '*' },
    }),
  );
  app.use(
    '/api/*',
    browserCors({
      origin: (origin) => (options.config.server.corsOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposeHeaders: ['x-request-id', 'retry-after'],
    }),
  );
  app.use(authenticate(options.authenticators));
  app.onError(
    createErrorHandler({ challenges: options.authChallenges ?? [], handlers: options.errorHandlers ?? [] }),
  );

  app.route(
    '/',
    healthRoutes({ ...options.readiness, metrics: options.metrics, inFlight: options.inFlight }),
  );
  app.route('/', docsRoutes());
  const api = createApiApp();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'TABLEPORT_ADMIN_TOKEN, an API key, or an OAuth access token',
  });
  options.mount({ root: app, api });
  let openApiDocument: unknown;
  app.get('/api/openapi.json', (c) => {
    openApiDocument ??= api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Tableport API',
        version: options.readiness.info.version,
        description:
          'The platform API. The Airtable-compatible API lives at /v0 (see docs/airtable-compatibility.md).',
      },
      servers: [{ url: '/api/v1' }],
    });
    return c.json(openApiDocument);
  });
  app.route('/api/v1', api);
  if (options.webDistDir) app.route('/', webAppRoutes({ distDir: options.webDistDir }));
  app.notFound((c) => {
    // Airtable answers unknown routes with a bare string error.
    if (c.req.path.startsWith('/v0/')) return c.json({ error: 'NOT_FOUND' }, 404);
    return handleError(
      new AppError({ code: 'request.not_found', message: `No route for ${c.req.method} ${c.req.path}` }),
      c,
    );
  });
  return app;
}
