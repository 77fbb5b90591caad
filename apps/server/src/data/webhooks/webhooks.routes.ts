import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import { jsonBody } from '../v0/v0.body';
import { invalidRequest } from '../v0/v0.errors';
import { booleanValue, integerValue, queryOf } from '../v0/v0.query';
import { route, v0Caller } from '../v0/v0.records.routes';
import type { V0Extension } from '../v0/v0.app';
import type { WebhookService } from './webhooks.service';

const BASE = '/bases/:baseId/webhooks';

const hookRef = (c: Context<AppEnv>, baseId: string) => ({ caller: v0Caller(c), baseId, webhookId: c.req.param('webhookId') ?? '' });

/** `/v0/bases/{baseId}/webhooks[/{webhookId}[/payloads|/refresh|/enableNotifications]]` (note: `bases`, not `meta/bases`). */
export function webhookRoutes(webhooks: () => WebhookService): V0Extension {
  return (app: Hono<AppEnv>) => {
    route(app, 'post', BASE, async (c, { baseId }) => c.json(await webhooks().create({ caller: v0Caller(c), baseId, body: await jsonBody(c) })));
    route(app, 'get', BASE, async (c, { baseId }) => c.json(await webhooks().list({ caller: v0Caller(c), baseId })));
    route(app, 'delete', `${BASE}/:webhookId`, async (c, { baseId }) => c.json(await webhooks().delete(hookRef(c, baseId))));
    // pyairtable sends no body and no content type here.
    route(app, 'post', `${BASE}/:webhookId/refresh`, async (c, { baseId }) => c.json(await webhooks().refresh(hookRef(c, baseId))));
    route(app, 'post', `${BASE}/:webhookId/enableNotifications`, async (c, { baseId }) => {
      const enable = booleanValue((await jsonBody(c)).enable, 'enable');
      if (enable === undefined) throw invalidRequest('enable must be true or false');
      return c.json(await webhooks().enableNotifications({ ...hookRef(c, baseId), enable }));
    });
    route(app, 'get', `${BASE}/:webhookId/payloads`, async (c, { baseId }) => {
      const query = queryOf(c.req.url);
      const cursor = integerValue(query.get('cursor'), 'cursor');
      const limit = integerValue(query.get('limit'), 'limit');
      return c.json(await webhooks().payloads({ ...hookRef(c, baseId), ...(cursor !== undefined ? { cursor } : {}), ...(limit !== undefined ? { limit } : {}) }));
    });
  };
}
