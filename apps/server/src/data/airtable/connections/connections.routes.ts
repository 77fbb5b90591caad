import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createApiApp, type ApiApp } from '../../../gateway/api-app';
import { apiChannel, caller } from '../../../platform/api/principal-context';
import { emptyResponses, jsonBody, jsonResponses, SECURITY } from '../../../platform/api/route';
import type { AirtableConnections } from './connections.service';

const tags = ['airtable'];
const workspaceParams = z.object({ workspaceId: z.string().regex(/^wsp[A-Za-z0-9]{14}$/) });
const baseParams = workspaceParams.extend({ baseId: z.string().regex(/^app[A-Za-z0-9]{14}$/) });
const connectBody = z
  .object({
    baseId: z.string().describe('The Airtable base id (app…); Tableport keeps it'),
    token: z.string().min(1).optional().describe('A personal access token; stored encrypted as a workspace secret'),
    secretId: z.string().optional().describe('An existing workspace secret (kind airtable_token) holding the token'),
  })
  .strict();
const connectedBase = z.object({
  id: z.string(),
  name: z.string(),
  workspaceId: z.string(),
  secretId: z.string().nullable(),
  feed: z.object({ webhookId: z.string().nullable(), cursor: z.number().int(), error: z.string().nullable() }),
});

const connect = createRoute({
  method: 'post',
  path: '/workspaces/{workspaceId}/airtable-bases',
  tags,
  summary: 'Connect a real Airtable base to the workspace (its ids and names are kept)',
  security: SECURITY,
  request: { params: workspaceParams, ...jsonBody(connectBody) },
  responses: jsonResponses(connectedBase, 201),
});
const list = createRoute({
  method: 'get',
  path: '/workspaces/{workspaceId}/airtable-bases',
  tags,
  summary: "The workspace's connected Airtable bases and their change feeds",
  security: SECURITY,
  request: { params: workspaceParams },
  responses: jsonResponses(z.object({ bases: z.array(connectedBase) })),
});
const disconnect = createRoute({
  method: 'delete',
  path: '/workspaces/{workspaceId}/airtable-bases/{baseId}',
  tags,
  summary: 'Disconnect a base (nothing changes in Airtable)',
  security: SECURITY,
  request: { params: baseParams },
  responses: emptyResponses(),
});

/** `/api/v1/workspaces/{id}/airtable-bases`: connect, list and disconnect real bases. */
export function connectionRoutes(connections: AirtableConnections): ApiApp {
  const app = createApiApp();
  const callerOf = (c: Parameters<typeof caller>[0]) => {
    const { principal } = caller(c);
    return { principal, channel: apiChannel(principal) };
  };
  app.openapi(connect, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(await connections.connect({ caller: callerOf(c), workspaceId, ...c.req.valid('json') }), 201);
  });
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json({ bases: await connections.list({ caller: callerOf(c), workspaceId }) }, 200);
  });
  app.openapi(disconnect, async (c) => {
    await connections.disconnect({ caller: callerOf(c), baseId: c.req.valid('param').baseId });
    return c.body(null, 204);
  });
  return app;
}
