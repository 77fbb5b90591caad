/** The author of a comment as Airtable shows it. */
export interface CommentAuthor {
  id: string;
  email?: string;
  name?: string;
}

/** A record comment in Airtable's wire shape (shared/airtable-api.md §4.2). */
export interface Comment {
  id: string;
  author: CommentAuthor;
  text: string;
  createdTime: string;
  lastUpdatedTime: string | null;
  parentCommentId?: string;
}

/** One page of a record's comments, newest first; `offset` is null on the last page. */
export interface CommentPage {
  comments: Comment[];
  offset: string | null;
}

/** A comment row as stored. */
export interface CommentRow {
  id: string;
  seq: number;
  base_id: string;
  table_id: string;
  record_id: string;
  author: CommentAuthor;
  owner_key: string;
  text: string;
  parent_comment_id: string | null;
  created_at: Date;
  updated_at: Date | null;
}

/** The wire shape of a stored comment. */
export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    author: row.author,
    text: row.text,
    createdTime: row.created_at.toISOString(),
    lastUpdatedTime: row.updated_at ? row.updated_at.toISOString() : null,
    ...(row.parent_comment_id ? { parentCommentId: row.parent_comment_id } : {}),
  };
}
