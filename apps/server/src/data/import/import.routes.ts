import { createRoute } from '@hono/zod-openapi';
import { createAirtableClient } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import { requirePrincipal } from '../../gateway/middleware/auth';
import type { OutboundFetch } from '../../infra/http';
import { jsonBody, jsonResponses, SECURITY } from '../../platform/api/route';
import type { DataService } from '../data.service';
import { importPacing } from './import.pacing';
import { importAirtableBase } from './import.run';

const bodySchema = z.object({
  baseId: z.string().regex(/^app[A-Za-z0-9]{14}$/),
  token: z.string().min(1).describe('A token of the source (an Airtable personal access token, or a Tableport key)'),
  endpointUrl: z.url({ protocol: /^https?$/ }).optional().describe('Default https://api.airtable.com'),
  name: z.string().min(1).optional(),
  workspaceId: z.string().optional(),
});
const reportSchema = z.object({
  baseId: z.string(),
  name: z.string(),
  tables: z.array(z.object({ sourceId: z.string(), id: z.string(), name: z.string(), records: z.number().int() })),
  skipped: z.array(z.object({ table: z.string(), field: z.string(), reason: z.string() })),
  rejectedRecords: z.array(z.object({ table: z.string(), sourceId: z.string(), message: z.string() })),
});
const importRoute = createRoute({
  method: 'post',
  path: '/imports/airtable',
  tags: ['imports'],
  summary: 'Copy a base from Airtable or any Airtable-compatible API (another Tableport) into a new local base',
  security: SECURITY,
  request: jsonBody(bodySchema),
  responses: jsonResponses(reportSchema),
});

/** `POST /api/v1/imports/airtable`: the source is read through the outbound guard, paced like Airtable asks. */
export function importRoutes(deps: { data: () => DataService; outbound: OutboundFetch }): ApiApp {
  const app = createApiApp();
  app.openapi(importRoute, async (c) => {
    const principal = requirePrincipal(c);
    const body = c.req.valid('json');
    const source = createAirtableClient({
      token: body.token,
      ...(body.endpointUrl ? { endpointUrl: body.endpointUrl } : {}),
      fetch: deps.outbound as typeof fetch,
      intercept: importPacing(),
    });
    const report = await importAirtableBase({
      source,
      sourceBaseId: body.baseId,
      data: deps.data(),
      caller: { principal, channel: 'import' },
      ...(body.name ? { name: body.name } : {}),
      ...(body.workspaceId ? { workspaceId: body.workspaceId } : {}),
    }).catch((error: unknown) => {
      if (AppError.isInstance(error) && error.code.startsWith('airtable.')) {
        throw new AppError({ code: 'import.source_failed', message: `The source refused the import: ${error.message}`, details: error.details, cause: error });
      }
      throw error;
    });
    return c.json(report, 200);
  });
  return app;
}
