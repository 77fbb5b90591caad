import { defineErrorCodes } from './error-spec';

/**
 * Codes of the Airtable Web API client (`packages/airtable`). Upstream failures carry
 * `details: { airtableType, airtableMessage, status, retryAfterMs? }`, so the `/v0` API can pass
 * Airtable's own type through; the `airtable` entry below is the fallback when none was sent.
 */
export const airtableErrorCodes = defineErrorCodes({
  'airtable.rate_limited': {
    status: 429,
    fault: 'operational',
    retryable: true,
    description:
      'Airtable answered 429 (5 requests/s per base, 50/s per token); wait `details.retryAfterMs` or 30 s and retry.',
    airtable: { type: 'RATE_LIMIT_REACHED', status: 429 },
  },
  'airtable.quota_exceeded': {
    status: 429,
    fault: 'operational',
    retryable: false,
    description:
      "The Airtable workspace's monthly API call quota is used up (429 PUBLIC_API_BILLING_LIMIT_EXCEEDED).",
    airtable: { type: 'PUBLIC_API_BILLING_LIMIT_EXCEEDED', status: 429 },
  },
  'airtable.auth_failed': {
    status: 502,
    fault: 'operational',
    retryable: false,
    description:
      'Airtable rejected the token (401): missing, invalid, expired or revoked; reconnect the account.',
    airtable: { type: 'AUTHENTICATION_REQUIRED', status: 401 },
  },
  'airtable.forbidden_or_not_found': {
    status: 403,
    fault: 'user',
    retryable: false,
    description:
      'Airtable answered 403: the base or table does not exist, or the token lacks the scope or access to it.',
    airtable: { type: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', status: 403 },
  },
  'airtable.forbidden': {
    status: 403,
    fault: 'user',
    retryable: false,
    description:
      'Airtable refused the operation for this user (403 INVALID_PERMISSIONS, e.g. a read-only field).',
    airtable: { type: 'INVALID_PERMISSIONS', status: 403 },
  },
  'airtable.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'Airtable answered 404: the record, comment, webhook or route does not exist.',
    airtable: { type: 'MODEL_ID_NOT_FOUND', status: 404 },
  },
  'airtable.invalid_request': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'Airtable rejected the request (400, 413 or 422 family: unknown field, bad value, bad formula...); see `details.airtableType`.',
    airtable: { type: 'INVALID_REQUEST_UNKNOWN', status: 422 },
  },
  'airtable.server_error': {
    status: 502,
    fault: 'operational',
    retryable: true,
    description: 'Airtable answered 5xx; retry with backoff (`details.retryAfterMs` when Airtable sent one).',
    airtable: { type: 'RETRIABLE_ERROR', status: 503 },
  },
  'airtable.timeout': {
    status: 504,
    fault: 'operational',
    retryable: true,
    description: 'Airtable did not answer within the timeout (`details.timeoutMs`).',
    airtable: { type: 'RETRIABLE_ERROR', status: 503 },
  },
  'airtable.network': {
    status: 502,
    fault: 'operational',
    retryable: true,
    description:
      'Airtable could not be reached (DNS, connection refused or reset, blocked by the outbound guard).',
    airtable: { type: 'RETRIABLE_ERROR', status: 503 },
  },
  'airtable.aborted': {
    status: 499,
    fault: 'user',
    retryable: false,
    description: 'The caller aborted the Airtable request through its AbortSignal before it finished.',
  },
  'airtable.invalid_response': {
    status: 502,
    fault: 'operational',
    retryable: false,
    description: 'Airtable answered with a body that is not JSON or lacks the minimal expected shape.',
    airtable: { type: 'SERVER_ERROR', status: 500 },
  },
  'airtable.invalid_batch': {
    status: 422,
    fault: 'bug',
    retryable: false,
    description: 'A write carried no records or more than 10; split them with `chunk()` before calling.',
    airtable: { type: 'INVALID_RECORDS', status: 422 },
  },
  'airtable.attachment_too_large': {
    status: 413,
    fault: 'user',
    retryable: false,
    description:
      'An attachment upload is larger than the 5 MB Airtable accepts per call (`details.limitBytes`).',
    airtable: { type: 'REQUEST_TOO_LARGE', status: 413 },
  },
  'airtable.token_missing': {
    status: 503,
    fault: 'operational',
    retryable: false,
    description:
      'A connected Airtable base has no token: its secret was deleted, or it relies on TABLEPORT_AIRTABLE_TOKEN and that is unset; connect the base again.',
  },
  'airtable.already_connected': {
    status: 409,
    fault: 'user',
    retryable: false,
    description: 'A base with this id is already in Tableport (connected, or a local base with the same id).',
  },
  'airtable.not_connected': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No Airtable base with this id is connected to the workspace.',
  },
  'airtable.invalid_base_id': {
    status: 400,
    fault: 'user',
    retryable: false,
    description: "An Airtable base id is 'app' followed by 14 letters or digits.",
  },
});
