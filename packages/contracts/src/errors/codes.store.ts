import { defineErrorCodes } from './error-spec';

const MODEL_ID_NOT_FOUND = { type: 'MODEL_ID_NOT_FOUND', status: 404 } as const;
const UNKNOWN_REQUEST = { type: 'INVALID_REQUEST_UNKNOWN', status: 422 } as const;

/**
 * Codes of the store's extras: record comments, webhooks, attachments, CSV and Airtable imports,
 * the demo base. The `airtable` entry is what `/v0` answers (shared/airtable-api.md §2.9, §4).
 */
export const storeErrorCodes = defineErrorCodes({
  'comment.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No comment with that id on the record.',
    airtable: MODEL_ID_NOT_FOUND,
  },
  'comment.not_author': {
    status: 403,
    fault: 'user',
    retryable: false,
    description: 'Only the author of a comment may edit or delete it.',
    airtable: { type: 'INVALID_PERMISSIONS', status: 403 },
  },
  'webhook.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No webhook with that id on the base.',
    airtable: MODEL_ID_NOT_FOUND,
  },
  'webhook.limit_reached': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'The base already has 10 webhooks (Airtable’s limit); delete one first.',
    airtable: { type: 'TOO_MANY_WEBHOOKS', status: 422 },
  },
  'webhook.invalid_specification': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'The webhook specification is not valid (dataTypes, a table, view or field id of another base, an unknown source); the message says which.',
    airtable: { type: 'INVALID_WEBHOOK_SPECIFICATION', status: 422 },
  },
  'webhook.expired': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'The webhook expired (7 days without refresh or payload listing) and cannot be refreshed; create a new one.',
    airtable: { type: 'CANNOT_REFRESH_DISABLED_WEBHOOK', status: 422 },
  },
  'attachment.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No stored file at that attachment URL (a wrong token, or the file was removed).',
    airtable: { type: 'NOT_FOUND', status: 404 },
  },
  'attachment.too_large': {
    status: 413,
    fault: 'user',
    retryable: false,
    description: 'An uploaded file is larger than 5 MB (Airtable’s upload limit); attach it by URL instead.',
    airtable: { type: 'REQUEST_TOO_LARGE', status: 413 },
  },
  'attachment.invalid_upload': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'An upload names a field that is not an attachment field, or lacks `file` (base64), `filename` or `contentType`.',
    airtable: UNKNOWN_REQUEST,
  },
  'csv.invalid': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'The CSV cannot be read (an unterminated quote, no header row, a duplicate or empty column name).',
    airtable: UNKNOWN_REQUEST,
  },
  'import.source_failed': {
    status: 502,
    fault: 'operational',
    retryable: true,
    description:
      'The Airtable-compatible source of an import refused a call or could not be reached; the message says which.',
  },
  'demo.unavailable': {
    status: 409,
    fault: 'user',
    retryable: false,
    description: 'The demo base can only be created on a node that holds the local store.',
  },
});
