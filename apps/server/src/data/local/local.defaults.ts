import { createHash } from 'node:crypto';
import { newId, type Attachment } from '@tableport/contracts';
import type { AttachmentStore, CollaboratorDirectory } from './fields/field-codec.types';
import type { CommentCounter } from './records/records.present';

const ALPHANUMERIC = /[^A-Za-z0-9]/g;

/**
 * Until the platform's user directory lands: `{id}` must be a `usr...` id; `{email}` maps to a
 * stable id derived from the email, so the same person is the same collaborator everywhere.
 */
export function createDefaultDirectory(): CollaboratorDirectory {
  return {
    async resolve(reference) {
      if (reference.id !== undefined) return /^usr[A-Za-z0-9]{14}$/.test(reference.id) ? { id: reference.id } : null;
      const email = reference.email?.trim().toLowerCase();
      if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) return null;
      const digest = createHash('sha256').update(email).digest('base64').replace(ALPHANUMERIC, '');
      return { id: `usr${digest.slice(0, 14)}`, email };
    },
  };
}

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
};

/** Keeps the given URL (the attachments issue downloads and serves files); the type comes from the name. */
export function createUrlAttachmentStore(): AttachmentStore {
  return {
    async ingest(input): Promise<Attachment> {
      const filename = input.filename ?? decodeURIComponent(new URL(input.url, 'http://x').pathname.split('/').pop() || 'file');
      const extension = filename.split('.').pop()?.toLowerCase() ?? '';
      const type = input.type ?? TYPES[extension];
      return { id: newId('att'), url: input.url, filename, ...(type ? { type } : {}) };
    },
  };
}

/** Every record has 0 comments until the comments issue provides a counter. */
export function createZeroCommentCounter(): CommentCounter {
  return {
    async count({ recordIds }) {
      return new Map(recordIds.map((id) => [id, 0]));
    },
  };
}
