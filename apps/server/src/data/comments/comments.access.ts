import { AppError, type Actor } from '@tableport/contracts';
import type { Principal } from '../../gateway/gateway.types';
import type { Database } from '../../infra/db';
import type { UserService } from '../../platform/auth/users.service';
import type { Action, Authorizer } from '../../platform/authz/authz.types';
import { accessBase, type Caller } from '../data.access';
import type { BaseEntry, DataSource } from '../data-source.types';
import { tableNotFound } from '../local/local.context';
import type { CommentAuthor } from './comments.types';

/** What resolving a comment's record needs. */
export interface CommentAccessDeps {
  db: Database;
  authorizer: Authorizer;
  /** The local store: its bases' comments are kept here, in Tableport's database. */
  local: DataSource;
  /** The airtable driver: a connected base's comments are Airtable's, reached through it. */
  airtable?: DataSource;
  users: Pick<UserService, 'get'>;
}

/** A record a comment call names. */
export interface RecordRef {
  caller: Caller;
  baseId: string;
  tableIdOrName: string;
  recordId: string;
}

/** The resolved record and who acts on it. */
export interface CommentTarget {
  base: BaseEntry;
  /** The base's driver (its `comments`, when it keeps them itself). */
  driver: DataSource;
  tableId: string;
  recordId: string;
  principal: Principal;
  actor: Actor;
}

/** Checks the caller may `action` on the base and resolves the table (id, then exact name). */
export async function commentTarget(deps: CommentAccessDeps, ref: RecordRef, action: Action): Promise<CommentTarget> {
  const drivers = { local: deps.local, ...(deps.airtable ? { airtable: deps.airtable } : {}) };
  const { base, driver, actor } = await accessBase({ ...deps, drivers }, { caller: ref.caller, action, baseId: ref.baseId });
  const schema = await driver.getBaseSchema({ base });
  const table =
    schema.tables.find((candidate) => candidate.id === ref.tableIdOrName) ??
    schema.tables.find((candidate) => candidate.name === ref.tableIdOrName);
  if (!table) throw tableNotFound(ref.tableIdOrName);
  return { base, driver, tableId: table.id, recordId: ref.recordId, principal: ref.caller.principal!, actor };
}

/** The admin token acts as this user on Airtable-shaped answers (as `whoami` says). */
const ADMIN_AUTHOR: CommentAuthor = { id: 'usrTableportAdmin', name: 'Tableport admin' };

/** The author shown on a comment and the key that owns it (only the owner edits or deletes). */
export async function authorOf(deps: CommentAccessDeps, principal: Principal): Promise<{ author: CommentAuthor; ownerKey: string }> {
  if (!principal.userId) return { author: ADMIN_AUTHOR, ownerKey: `${principal.kind}:${principal.id}` };
  const user = await deps.users.get(principal.userId).catch(() => null);
  const author: CommentAuthor = user ? { id: user.id, email: user.email, name: user.name } : { id: principal.userId };
  return { author, ownerKey: principal.userId };
}

/** `comment.not_found`. */
export function commentNotFound(commentId: string): AppError {
  return new AppError({ code: 'comment.not_found', message: 'Comment not found', details: { commentId } });
}
