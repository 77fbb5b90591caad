import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../gateway/gateway.types';
import { jsonBody } from '../v0/v0.body';
import { integerValue, queryOf, stringValue } from '../v0/v0.query';
import { route, v0Caller } from '../v0/v0.records.routes';
import type { V0Extension } from '../v0/v0.app';
import type { CommentService } from './comments.service';

const BASE = '/:baseId/:table/:recordId/comments';

function recordRef(c: Context<AppEnv>, target: { baseId: string; tableIdOrName: string }) {
  return { caller: v0Caller(c), ...target, recordId: c.req.param('recordId') ?? '' };
}

/** `/v0/{baseId}/{tableIdOrName}/{recordId}/comments[/{commentId}]` (shared/airtable-api.md §4.2). */
export function commentRoutes(comments: () => CommentService): V0Extension {
  return (app: Hono<AppEnv>) => {
    route(app, 'get', BASE, async (c, target) => {
      const query = queryOf(c.req.url);
      const pageSize = integerValue(query.get('pageSize'), 'pageSize');
      const offset = query.get('offset') || undefined;
      return c.json(await comments().list({ ...recordRef(c, target), ...(pageSize !== undefined ? { pageSize } : {}), ...(offset ? { offset } : {}) }));
    });
    route(app, 'post', BASE, async (c, target) => {
      const body = await jsonBody(c);
      const parentCommentId = stringValue(body.parentCommentId, 'parentCommentId');
      const text = stringValue(body.text, 'text') ?? '';
      return c.json(await comments().create({ ...recordRef(c, target), text, ...(parentCommentId ? { parentCommentId } : {}) }));
    });
    route(app, 'patch', `${BASE}/:commentId`, async (c, target) => {
      const text = stringValue((await jsonBody(c)).text, 'text') ?? '';
      return c.json(await comments().update({ ...recordRef(c, target), commentId: c.req.param('commentId') ?? '', text }));
    });
    route(app, 'delete', `${BASE}/:commentId`, async (c, target) =>
      c.json(await comments().delete({ ...recordRef(c, target), commentId: c.req.param('commentId') ?? '' })),
    );
  };
}
