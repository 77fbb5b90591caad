import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './gateway.types';

/** Paths that belong to APIs: never answered with the web app. */
const API_PREFIXES = ['/api/', '/v0/', '/mcp', '/.well-known/', '/oauth/'];

/**
 * The built web app (apps/web/dist) at `/`: files as they are, hashed assets cached for a year,
 * and index.html for every other GET that accepts HTML (client-side routes).
 */
export function webAppRoutes(options: { distDir: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const indexFile = path.join(options.distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', (c) =>
      c.text('The web app is not built. Run `npm run build` (it runs on `npm install`).', 503),
    );
    return app;
  }
  const index = readFileSync(indexFile, 'utf8');
  // Browsers ask every page (the docs, /metrics) for /favicon.ico.
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  const isApi = (pathname: string) => API_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  const files = serveStatic<AppEnv>({ root: options.distDir });
  const filesUnlessApi: MiddlewareHandler<AppEnv> = async (c, next) =>
    isApi(c.req.path) ? next() : files(c, next);
  app.use('*', filesUnlessApi);
  app.get('*', async (c, next) => {
    if (isApi(c.req.path) || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(index);
  });
  return app;
}
