import { AppError } from '@tableport/contracts';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import type { DataService } from '../data.service';
import { handleV0Error } from './v0.errors';
import { metaRoutes } from './v0.meta.routes';
import { recordRoutes } from './v0.records.routes';

/** Routes another module adds to `/v0` before the generic record routes (comments, webhooks, uploads). */
export type V0Extension = (app: Hono<AppEnv>) => void;

/** Options of {@link createV0App}. */
export interface V0AppOptions {
  service: DataService;
  /** Runs after authentication, before every route (the rate-limit emulation plugs in here). */
  middleware?: readonly MiddlewareHandler<AppEnv>[];
  /** Extra route groups, registered before the record routes so that they win on shared shapes. */
  extensions?: readonly V0Extension[];
}

/**
 * The Airtable-compatible API, mounted at `/v0`. It has its own error handler (Airtable's error JSON);
 * unknown routes fall through to the gateway's `{"error":"NOT_FOUND"}`.
 */
export function createV0App(options: V0AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleV0Error);
  app.use('*', async (c, next) => {
    if (!c.get('principal')) throw new AppError({ code: 'auth.required', message: 'Authentication required' });
    await next();
  });
  for (const middleware of options.middleware ?? []) app.use('*', middleware);
  metaRoutes(app, options.service);
  for (const extension of options.extensions ?? []) extension(app);
  recordRoutes(app, options.service);
  return app;
}
