import { createRoute, z } from '@hono/zod-openapi';
import type { JobQueue } from '../infra/jobs';
import { createApiApp, type ApiApp } from './api-app';
import { requireAdmin } from './middleware/auth';

const SystemInfo = z
  .object({
    version: z.string(),
    commit: z.string(),
    role: z.enum(['all', 'api', 'worker']),
    database: z.enum(['pglite', 'postgres']),
    kv: z.enum(['memory', 'redis']),
    node: z.string(),
    uptimeSeconds: z.number(),
    jobs: z.array(z.object({ queue: z.string(), state: z.string(), count: z.number().int() })),
  })
  .openapi('SystemInfo');

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

const getSystem = createRoute({
  method: 'get',
  path: '/system',
  tags: ['system'],
  summary: 'Describe the running instance',
  description: 'Version, process role, storage backends and job counts. Needs the admin token.',
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: 'The instance', content: { 'application/json': { schema: SystemInfo } } },
    401: { description: 'No or invalid credentials', content: { 'application/json': { schema: ErrorBody } } },
    403: { description: 'Not the admin token', content: { 'application/json': { schema: ErrorBody } } },
  },
});

/** `/api/v1/system`: an authenticated JSON route describing the instance. */
export function systemRoutes(options: {
  info: { version: string; commit: string; role: 'all' | 'api' | 'worker'; startedAt: number };
  database: 'pglite' | 'postgres';
  kv: 'memory' | 'redis';
  jobs: JobQueue;
}): ApiApp {
  const app = createApiApp();
  app.openapi(getSystem, async (c) => {
    requireAdmin(c);
    return c.json(
      {
        version: options.info.version,
        commit: options.info.commit,
        role: options.info.role,
        database: options.database,
        kv: options.kv,
        node: process.version,
        uptimeSeconds: Math.round((Date.now() - options.info.startedAt) / 100) / 10,
        jobs: await options.jobs.counts(),
      },
      200,
    );
  });
  return app;
}
