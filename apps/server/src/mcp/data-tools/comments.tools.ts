import { z } from 'zod';
import type { Comment, CommentService } from '../../data/comments';
import { defineTool } from '../tools/tool.types';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, record_id, table_id } from './tool.params';

const commentSchema = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), email: z.string().optional(), name: z.string().optional() }),
  text: z.string(),
  createdTime: z.string(),
  lastUpdatedTime: z.string().nullable(),
  parentCommentId: z.string().optional(),
});
// The keys the output schema lists: Airtable's comments also carry mentions and reactions.
const shown = (comment: Comment): z.output<typeof commentSchema> => ({
  id: comment.id,
  author: {
    id: comment.author.id,
    ...(comment.author.email ? { email: comment.author.email } : {}),
    ...(comment.author.name ? { name: comment.author.name } : {}),
  },
  text: comment.text,
  createdTime: comment.createdTime,
  lastUpdatedTime: comment.lastUpdatedTime ?? null,
  ...(comment.parentCommentId ? { parentCommentId: comment.parentCommentId } : {}),
});
const who = (author: { name?: string; email?: string; id: string }) =>
  author.name ?? author.email ?? author.id;

/** list_comments: a record's comments, newest first, a page at a time. */
export function listCommentsTool(deps: DataToolDeps & { comments: CommentService }) {
  return defineTool({
    name: 'list_comments',
    title: 'List comments',
    description:
      'The comments on a record, newest first (author, text, time, the comment replied to). nextCursor continues.',
    input: z
      .object({
        base_id,
        table_id,
        record_id,
        page_size: z.number().int().min(1).max(100).default(50),
        // Opaque: Tableport's own for local bases, Airtable's for connected ones.
        cursor: z
          .string()
          .min(1)
          .max(1000)
          .optional()
          .describe('nextCursor of the previous page, as it came'),
      })
      .strict(),
    output: z.object({
      comments: z.array(commentSchema),
      hasMore: z.boolean(),
      nextCursor: z.string().optional(),
    }),
    kind: 'read',
    action: 'comments.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const page = await deps.comments.list({
        caller,
        baseId: args.base_id,
        tableIdOrName: args.table_id,
        recordId: args.record_id,
        pageSize: args.page_size,
        ...(args.cursor ? { offset: args.cursor } : {}),
      });
      return {
        comments: page.comments.map(shown),
        hasMore: page.offset !== null,
        ...(page.offset ? { nextCursor: page.offset } : {}),
      };
    },
    text: (output) =>
      [
        ...output.comments.map(
          (comment) => `${comment.id} ${comment.createdTime} ${who(comment.author)}: ${comment.text}`,
        ),
        ...(output.nextCursor ? [`more: cursor "${output.nextCursor}"`] : []),
      ].join('\n') || 'No comments.',
  });
}

/** add_comment: a comment on a record, optionally a reply. */
export function addCommentTool(deps: DataToolDeps & { comments: CommentService }) {
  return defineTool({
    name: 'add_comment',
    title: 'Add a comment',
    description: 'Comment on a record (mention people as @[usr…]); parent_comment_id makes it a reply.',
    input: z
      .object({
        base_id,
        table_id,
        record_id,
        text: z.string().trim().min(1).max(100_000),
        parent_comment_id: z.string().min(1).optional(),
      })
      .strict(),
    output: z.object({ comment: commentSchema }),
    kind: 'write',
    action: 'comments.write',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const comment = await deps.comments.create({
        caller,
        baseId: args.base_id,
        tableIdOrName: args.table_id,
        recordId: args.record_id,
        text: args.text,
        ...(args.parent_comment_id ? { parentCommentId: args.parent_comment_id } : {}),
      });
      return { comment: shown(comment) };
    },
    text: (output) => `Comment ${output.comment.id} added by ${who(output.comment.author)}.`,
  });
}
