import { newId, type Attachment } from '@tableport/contracts';
import type { OutboundFetch } from '../../infra/http';
import type { Logger } from '../../infra/log/logger';
import type { AttachmentStore } from '../local/fields/field-codec.types';
import { downloadFile } from './attachment.download';
import type { FileStore, StoredFile } from './files.types';
import { imageSize } from './image.size';

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
const OWN_PATH = /\/files\/(att[A-Za-z0-9]{14})\/([A-Za-z0-9_-]{32})\//;

/** The attachment store of the embedded store plus what uploads and the files route need. */
export interface LocalAttachmentStore extends AttachmentStore {
  /** Stores bytes (an upload) and returns the file. */
  save(input: { filename: string; type: string; content: Uint8Array }): Promise<StoredFile>;
  /** The file's URL: `<public URL>/files/<att id>/<token>/<filename>`. */
  urlOf(file: StoredFile): string;
}

/** Guesses a type from the name when the source gave none. */
export function typeOf(filename: string, given?: string): string {
  return given ?? TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/**
 * Attachments by URL are downloaded through the outbound guard (size cap, 10 s) and served from
 * Tableport at an unguessable URL; a URL the guard refuses, or that fails, is kept as given (like the
 * default store), so a write never fails on a remote file. URLs of files already stored here are
 * reused without a download (uploads, and copies between records).
 */
export function createLocalAttachmentStore(deps: { files: FileStore; outbound: OutboundFetch; publicUrl: () => string; logger: Logger }): LocalAttachmentStore {
  const urlOf = (file: StoredFile) => `${deps.publicUrl()}/files/${file.id}/${file.token}/${encodeURIComponent(file.filename)}`;
  const save = async (input: { filename: string; type: string; content: Uint8Array }) =>
    deps.files.save({ ...input, size: input.content.byteLength, ...(input.type.startsWith('image/') ? imageSize(input.content) : {}) });
  const toAttachment = (file: StoredFile, filename?: string): Attachment => {
    const url = urlOf(file);
    const size = file.width !== undefined && file.height !== undefined ? { width: file.width, height: file.height } : undefined;
    // Thumbnails point at the original (no resizing): same URL and size for small, large and full.
    const thumbnails = size ? { small: { url, ...size }, large: { url, ...size }, full: { url, ...size } } : undefined;
    return { id: newId('att'), url, filename: filename ?? file.filename, size: file.size, type: file.type, ...size, ...(thumbnails ? { thumbnails } : {}) };
  };
  return {
    save,
    urlOf,
    async ingest(input) {
      const filename = input.filename ?? nameFromUrl(input.url);
      const own = OWN_PATH.exec(safePath(input.url));
      const stored = own ? await deps.files.describe({ id: own[1]!, token: own[2]! }) : undefined;
      if (stored) return toAttachment(stored, input.filename);
      const downloaded = await downloadFile(deps.outbound, input.url);
      if (!downloaded) {
        deps.logger.info({ url: input.url }, 'attachment kept as a link: the download was refused or failed');
        return { id: newId('att'), url: input.url, filename, type: typeOf(filename, input.type) };
      }
      const file = await save({ filename, type: typeOf(filename, input.type ?? downloaded.type), content: downloaded.content });
      return toAttachment(file);
    },
  };
}

function safePath(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    return '';
  }
}

function nameFromUrl(url: string): string {
  const last = safePath(url).split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'file';
  } catch {
    return last || 'file';
  }
}
