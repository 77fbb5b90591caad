import { parseBody } from './http.body';
import { QueryBuilder, v0Path } from './http.query';
import type { AirtableRequest, AirtableRequestHandler, CallOptions } from './http.types';
import {
  commentPageSchema,
  commentSchema,
  deletedCommentSchema,
  type AirtableComment,
} from './comments.schema';

/** Identifies a record whose comments are read or written. */
export interface RecordRef extends CallOptions {
  baseId: string;
  tableIdOrName: string;
  recordId: string;
}

/** The comments part of the client. */
export interface CommentsApi {
  /** One page of a record's comments (at most 100); pass `offset` for the next. */
  list(
    params: RecordRef & { pageSize?: number; offset?: string },
  ): Promise<{ comments: AirtableComment[]; offset?: string }>;
  /** Adds a comment; `@[usr...]` in the text mentions a user. */
  create(params: RecordRef & { text: string; parentCommentId?: string }): Promise<AirtableComment>;
  /** Edits a comment (author only). */
  update(params: RecordRef & { commentId: string; text: string }): Promise<AirtableComment>;
  /** Deletes a comment (author only). */
  delete(params: RecordRef & { commentId: string }): Promise<{ id: string; deleted: boolean }>;
}

type Call = Pick<AirtableRequest, 'operation' | 'method' | 'query' | 'body' | 'idempotent'>;

/** Builds the comments API on a request handler. */
export function createCommentsApi(request: AirtableRequestHandler): CommentsApi {
  const send = (ref: RecordRef, call: Call, commentId?: string) => {
    const segments = [ref.baseId, ref.tableIdOrName, ref.recordId, 'comments'];
    if (commentId !== undefined) segments.push(commentId);
    return request({
      ...call,
      path: v0Path(...segments),
      baseId: ref.baseId,
      signal: ref.signal,
      timeoutMs: ref.timeoutMs,
    });
  };
  return {
    list: async (params) => {
      const query = new QueryBuilder().add('pageSize', params.pageSize).add('offset', params.offset).entries;
      const response = await send(params, {
        operation: 'comments.list',
        method: 'GET',
        query,
        idempotent: true,
      });
      const page = parseBody(commentPageSchema, response, 'comments.list');
      return page.offset ? { comments: page.comments, offset: page.offset } : { comments: page.comments };
    },
    create: async (params) => {
      const body = { text: params.text, parentCommentId: params.parentCommentId };
      const response = await send(params, {
        operation: 'comments.create',
        method: 'POST',
        body,
        idempotent: false,
      });
      return parseBody(commentSchema, response, 'comments.create');
    },
    update: async (params) => {
      const call: Call = {
        operation: 'comments.update',
        method: 'PATCH',
        body: { text: params.text },
        idempotent: true,
      };
      return parseBody(commentSchema, await send(params, call, params.commentId), 'comments.update');
    },
    delete: async (params) => {
      const call: Call = { operation: 'comments.delete', method: 'DELETE', idempotent: true };
      return parseBody(deletedCommentSchema, await send(params, call, params.commentId), 'comments.delete');
    },
  };
}
