import type { AirtableComment } from '@tableport/airtable';
import type { Comment } from '../comments/comments.types';
import type { DriverComments, OnRecord } from '../data-source.types';
import type { AirtableContext } from './airtable.context';

// Airtable's comment passes through as it came (mentions, reactions, attachments and keys we do not
// know yet), so /v0 answers exactly what Airtable did; only an absent lastUpdatedTime becomes null.
const asComment = (comment: AirtableComment): Comment => ({ ...comment, lastUpdatedTime: comment.lastUpdatedTime ?? null });

/**
 * A connected base's record comments: Airtable's comments API through the scheduler (paced, 429s
 * retried, creates never repeated). Airtable decides who may edit or delete: the comments of a
 * connection are written as the user of its token.
 */
export function airtableCommentOps(context: AirtableContext): DriverComments {
  const at = async (record: OnRecord) => ({
    client: await context.clientFor(record.base),
    ref: { baseId: record.base.id, tableIdOrName: record.tableId, recordId: record.recordId },
  });
  return {
    async list({ pageSize, offset, ...record }) {
      const { client, ref } = await at(record);
      const page = await client.comments.list({ ...ref, pageSize, ...(offset ? { offset } : {}) });
      return { comments: page.comments.map(asComment), offset: page.offset ?? null };
    },
    async create({ text, parentCommentId, ...record }) {
      const { client, ref } = await at(record);
      return asComment(await client.comments.create({ ...ref, text, ...(parentCommentId ? { parentCommentId } : {}) }));
    },
    async update({ commentId, text, ...record }) {
      const { client, ref } = await at(record);
      return asComment(await client.comments.update({ ...ref, commentId, text }));
    },
    async delete({ commentId, ...record }) {
      const { client, ref } = await at(record);
      const deleted = await client.comments.delete({ ...ref, commentId });
      return { id: deleted.id, deleted: true };
    },
  };
}
