import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { accessLogger, type Logger } from '../../infra/log/logger';
import type { Metrics } from '../../infra/metrics';
import type { AppEnv } from '../gateway.types';

/** Route template for metrics: never the raw path, which would make a series per record id. */
function routeLabel(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  // After next(), routeIndex points at the handler that produced the response.
  const template = routePath(c);
  if (c.res.status === 404) return 'unmatched';
  // The web app's catch-all (static files and client-side routes) is one series.
  return !template || template === '*' || template === '/*' ? '/*' : template;
}

/** Records the latency histogram and writes one access log line per request. */
export function observe(options: { metrics: Metrics; logger: Logger }): MiddlewareHandler<AppEnv> {
  const access = accessLogger(options.logger);
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routeLabel(c);
    const status = c.res.status;
    options.metrics.httpDuration.observe(
      { http_request_method: c.req.method, http_route: route, http_response_status_code: String(status) },
      seconds,
    );
    const level = status >= 500 ? 'error' : 'info';
    access[level](
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        route,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
        principal: c.get('principal')?.id,
      },
      'request',
    );
  };
}
