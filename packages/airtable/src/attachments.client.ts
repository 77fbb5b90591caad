import { AppError } from '@tableport/contracts';
import { parseBody } from './http.body';
import { v0Path } from './http.query';
import type { AirtableRequestHandler, CallOptions } from './http.types';
import { recordSchema, type AirtableRecord } from './records.schema';

/** Airtable's upload endpoint takes at most 5 MB of file per call. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Parameters of `attachments.upload`. */
export interface UploadAttachmentParams extends CallOptions {
  baseId: string;
  recordId: string;
  /** The attachment field, by id or name. */
  attachmentFieldIdOrName: string;
  contentType: string;
  filename: string;
  /** The file's bytes (sent base64-encoded). */
  file: Uint8Array;
}

/** The attachments part of the client (content host). */
export interface AttachmentsApi {
  /** Appends a file to an attachment cell; answers the record with the cell keyed by field id. */
  upload(params: UploadAttachmentParams): Promise<AirtableRecord>;
}

/** Builds the attachments API on a request handler. */
export function createAttachmentsApi(request: AirtableRequestHandler): AttachmentsApi {
  return {
    upload: async (params) => {
      if (params.file.byteLength > MAX_UPLOAD_BYTES) {
        throw new AppError({
          code: 'airtable.attachment_too_large',
          message: `${params.filename} is ${params.file.byteLength} bytes; Airtable's upload takes at most ${MAX_UPLOAD_BYTES}`,
          details: { limitBytes: MAX_UPLOAD_BYTES, sizeBytes: params.file.byteLength },
        });
      }
      const body = {
        contentType: params.contentType,
        file: Buffer.from(params.file.buffer, params.file.byteOffset, params.file.byteLength).toString(
          'base64',
        ),
        filename: params.filename,
      };
      const response = await request({
        operation: 'attachments.upload',
        method: 'POST',
        host: 'content',
        path: v0Path(params.baseId, params.recordId, params.attachmentFieldIdOrName, 'uploadAttachment'),
        body,
        baseId: params.baseId,
        idempotent: false,
        signal: params.signal,
        timeoutMs: params.timeoutMs,
      });
      return parseBody(recordSchema, response, 'attachments.upload');
    },
  };
}
