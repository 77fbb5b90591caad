import type { DataService } from '../../data';
import type { CommentService } from '../../data/comments';

/** Stores uploaded bytes and answers the URL they are served at (the attachments module's store). */
export interface FileUploads {
  upload(input: {
    filename: string;
    type: string;
    content: Uint8Array;
  }): Promise<{ url: string; filename: string }>;
}

/** What the data tools are built from: the one data service (never the store, never HTTP). */
export interface DataToolDeps {
  data: DataService;
  /** Record comments (local bases); without it the comment tools are not offered. */
  comments?: CommentService;
  /** Where base64 uploads are stored; without it upload_attachment takes URLs only. */
  uploads?: FileUploads;
  /** Records per driver write: Airtable's 10, so one batch is one request on either driver. */
  writeChunkSize?: number;
}

/** Airtable's limit of records per write request. */
export const WRITE_CHUNK_SIZE = 10;
