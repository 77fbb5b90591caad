import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../gateway/api-app';
import { apiChannel } from '../../platform/api/principal-context';
import { jsonResponses, SECURITY } from '../../platform/api/route';
import { requirePrincipal } from '../../gateway/middleware/auth';
import type { CsvService } from './csv.service';

const tags = ['csv'];
const params = z.object({ baseId: z.string().min(1), tableIdOrName: z.string().min(1) });
const flag = z.enum(['true', 'false']).optional();

const exportRoute = createRoute({
  method: 'get',
  path: '/bases/{baseId}/tables/{tableIdOrName}/csv',
  tags,
  summary: 'Export a table as CSV (RFC 4180; cells as Airtable renders them with cellFormat=string)',
  security: SECURITY,
  request: {
    params,
    query: z.object({
      view: z.string().optional(),
      fields: z.string().optional().describe('Comma-separated field names or ids, in order'),
      filterByFormula: z.string().optional(),
      timeZone: z.string().optional(),
      userLocale: z.string().optional(),
    }),
  },
  responses: { 200: { description: 'The CSV', content: { 'text/csv': { schema: z.string() } } } },
});

const reportSchema = z.object({
  created: z.number().int(),
  createdFields: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  rejected: z.array(z.object({ row: z.number().int(), code: z.string(), message: z.string() })),
});
const importRoute = createRoute({
  method: 'post',
  path: '/bases/{baseId}/tables/{tableIdOrName}/csv',
  tags,
  summary: 'Import CSV rows as new records (header = field names; typecast; a report of rejected rows)',
  security: SECURITY,
  request: {
    params,
    query: z.object({ createFields: flag.describe('Create a text field for each unknown column'), typecast: flag.describe('Default true') }),
    body: { required: true, content: { 'text/csv': { schema: z.string() } } },
  },
  responses: jsonResponses(reportSchema),
});

/** `/api/v1/bases/{baseId}/tables/{tableIdOrName}/csv`: export (GET) and import (POST). */
export function csvRoutes(csv: () => CsvService): ApiApp {
  const app = createApiApp();
  const callerOf = (principal: ReturnType<typeof requirePrincipal>) => ({ principal, channel: apiChannel(principal) });
  app.openapi(exportRoute, async (c) => {
    const { baseId, tableIdOrName } = c.req.valid('param');
    const { fields, ...query } = c.req.valid('query');
    const caller = callerOf(requirePrincipal(c));
    const fieldList = fields?.split(',').map((name) => name.trim()).filter(Boolean);
    const { csv: text } = await csv().exportTableCsv({ caller, baseId, tableIdOrName, ...definedOnly(query), ...(fieldList ? { fields: fieldList } : {}) });
    const filename = `${tableIdOrName.replace(/[^A-Za-z0-9 _.-]/g, '_')}.csv`;
    return c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
  });
  app.openapi(importRoute, async (c) => {
    const { baseId, tableIdOrName } = c.req.valid('param');
    const { createFields, typecast } = c.req.valid('query');
    const report = await csv().importTableCsv({
      caller: callerOf(requirePrincipal(c)),
      baseId,
      tableIdOrName,
      csv: await c.req.text(),
      createFields: createFields === 'true',
      typecast: typecast !== 'false',
    });
    return c.json(report, 200);
  });
  return app;
}

function definedOnly<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: string };
}
