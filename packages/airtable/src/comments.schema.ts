import { z } from 'zod';

/** A record comment; mentions, reactions and unknown keys pass through untouched. */
export const commentSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  createdTime: z.string(),
  lastUpdatedTime: z.string().nullish(),
  parentCommentId: z.string().optional(),
  author: z.looseObject({ id: z.string(), email: z.string().optional(), name: z.string().optional() }),
  mentioned: z.record(z.string(), z.unknown()).optional(),
  reactions: z.array(z.unknown()).optional(),
});
/** A comment on a record. */
export type AirtableComment = z.output<typeof commentSchema>;

/** One page of comments; `offset` is null or absent on the last page. */
export const commentPageSchema = z.looseObject({
  comments: z.array(commentSchema),
  offset: z.string().nullish(),
});

/** `DELETE .../comments/{id}`. */
export const deletedCommentSchema = z.looseObject({ id: z.string(), deleted: z.boolean() });
