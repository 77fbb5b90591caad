import { AppError, isId, type DomainEventInput } from '@tableport/contracts';
import { z } from 'zod';
import type { EventBus } from '../../comms/events';
import type { Transaction } from '../../infra/db';
import { invalidRequest } from '../v0/v0.errors';
import { authorOf, commentNotFound, commentTarget, type CommentAccessDeps, type CommentTarget, type RecordRef } from './comments.access';
import { deleteComment, findComment, insertComment, listComments, lockRecord, updateCommentText } from './comments.repo';
import { toComment, type Comment, type CommentPage } from './comments.types';

/**
 * Record comments: list (paged, newest first), create, edit, delete. Local bases keep them in
 * Tableport's database; a connected base's are Airtable's, through its driver.
 */
export interface CommentService {
  list(options: RecordRef & { pageSize?: number; offset?: string }): Promise<CommentPage>;
  create(options: RecordRef & { text: string; parentCommentId?: string }): Promise<Comment>;
  update(options: RecordRef & { commentId: string; text: string }): Promise<Comment>;
  delete(options: RecordRef & { commentId: string }): Promise<{ id: string; deleted: true }>;
}

/** What the comment service is built from. */
export interface CommentServiceDeps extends CommentAccessDeps {
  events: EventBus;
}

const PAGE_MAX = 100;
const textSchema = z.string().min(1, 'a comment needs text').max(100_000);

function recordNotFound(recordId: string): AppError {
  return new AppError({ code: 'record.not_found', message: 'Record not found', details: { recordId } });
}

/** Builds the comment service. Mentions (`@[usr…]`) are kept in the text as written. */
export function createCommentService(deps: CommentServiceDeps): CommentService {
  const key = (target: CommentTarget) => ({ baseId: target.base.id, tableId: target.tableId, recordId: target.recordId });
  const event = (target: CommentTarget, type: DomainEventInput['type'], commentId: string): DomainEventInput => ({
    type,
    workspaceId: target.base.workspaceId,
    baseId: target.base.id,
    tableId: target.tableId,
    actor: target.actor,
    payload: { commentId, recordId: target.recordId },
  });
  // Every write holds the record (KEY SHARE) so it cannot race the record's deletion.
  const write = async <T>(target: CommentTarget, run: (tx: Transaction) => Promise<T>) =>
    deps.db.transaction(async (tx) => {
      if (!isId(target.recordId, 'rec') || !(await lockRecord(tx, key(target)))) throw recordNotFound(target.recordId);
      return run(tx);
    });
  // The owner key is computed before the transaction: reading users inside it would wait on PGlite's one session.
  const owned = async (tx: Transaction, target: CommentTarget, input: { commentId: string; ownerKey: string; allowAdmin: boolean }) => {
    const row = await findComment(tx, { ...key(target), commentId: input.commentId, forUpdate: true });
    if (!row) throw commentNotFound(input.commentId);
    if (row.owner_key !== input.ownerKey && !(input.allowAdmin && target.principal.kind === 'admin')) {
      throw new AppError({ code: 'comment.not_author', message: 'Only the author of a comment may change it' });
    }
    return row;
  };
  // A driver that keeps comments answers for itself (Airtable checks the record, the author, the
  // parent); access, validation and the events stay Tableport's, as on its own bases.
  const on = (target: CommentTarget) => ({ base: target.base, tableId: target.tableId, recordId: target.recordId });
  const announce = async <T extends { id: string }>(target: CommentTarget, type: DomainEventInput['type'], result: T) => {
    await deps.db.transaction((tx) => deps.events.append(tx, [event(target, type, result.id)]));
    return result;
  };
  return {
    async list({ pageSize, offset, ...ref }) {
      const target = await commentTarget(deps, ref, 'comments.read');
      const size = pageSize ?? PAGE_MAX;
      if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX) throw invalidRequest(`pageSize must be from 1 to ${PAGE_MAX}`);
      const remote = target.driver.comments;
      if (remote) return remote.list({ ...on(target), pageSize: size, ...(offset ? { offset } : {}) });
      if (offset && !/^\d{1,15}$/.test(offset)) throw invalidRequest('Invalid offset');
      if (!isId(target.recordId, 'rec') || !(await lockRecord(deps.db, key(target)))) throw recordNotFound(target.recordId);
      const rows = await listComments(deps.db, { ...key(target), beforeSeq: offset ? Number(offset) : null, limit: size + 1 });
      const page = rows.slice(0, size);
      return { comments: page.map(toComment), offset: rows.length > size ? String(page.at(-1)!.seq) : null };
    },
    async create({ text, parentCommentId, ...ref }) {
      const target = await commentTarget(deps, ref, 'comments.write');
      const body = textSchema.safeParse(text);
      if (!body.success) throw invalidRequest('A comment needs `text`');
      const remote = target.driver.comments;
      if (remote) {
        const reply = parentCommentId !== undefined ? { parentCommentId } : {};
        return announce(target, 'comment.created', await remote.create({ ...on(target), text: body.data, ...reply }));
      }
      const { author, ownerKey } = await authorOf(deps, target.principal);
      return write(target, async (tx) => {
        if (parentCommentId !== undefined && !(await findComment(tx, { ...key(target), commentId: parentCommentId }))) {
          throw invalidRequest(`parentCommentId ${parentCommentId} is not a comment of this record`);
        }
        const row = await insertComment(tx, { ...key(target), author, ownerKey, text: body.data, parentCommentId: parentCommentId ?? null });
        await deps.events.append(tx, [event(target, 'comment.created', row.id)]);
        return toComment(row);
      });
    },
    async update({ commentId, text, ...ref }) {
      const target = await commentTarget(deps, ref, 'comments.write');
      const body = textSchema.safeParse(text);
      if (!body.success) throw invalidRequest('A comment needs `text`');
      const remote = target.driver.comments;
      if (remote) return announce(target, 'comment.updated', await remote.update({ ...on(target), commentId, text: body.data }));
      const { ownerKey } = await authorOf(deps, target.principal);
      return write(target, async (tx) => {
        await owned(tx, target, { commentId, ownerKey, allowAdmin: false });
        const row = await updateCommentText(tx, { commentId, text: body.data });
        await deps.events.append(tx, [event(target, 'comment.updated', commentId)]);
        return toComment(row);
      });
    },
    async delete({ commentId, ...ref }) {
      const target = await commentTarget(deps, ref, 'comments.write');
      const remote = target.driver.comments;
      if (remote) return announce(target, 'comment.deleted', await remote.delete({ ...on(target), commentId }));
      const { ownerKey } = await authorOf(deps, target.principal);
      return write(target, async (tx) => {
        await owned(tx, target, { commentId, ownerKey, allowAdmin: true });
        await deleteComment(tx, commentId);
        await deps.events.append(tx, [event(target, 'comment.deleted', commentId)]);
        return { id: commentId, deleted: true as const };
      });
    },
  };
}
