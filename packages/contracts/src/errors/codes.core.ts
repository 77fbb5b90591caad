import { defineErrorCodes } from './error-spec';

/** Codes of the gateway, configuration and infrastructure. */
export const coreErrorCodes = defineErrorCodes({
  'request.invalid': {
    status: 400,
    fault: 'user',
    retryable: false,
    description: 'The request failed validation; `details.issues` lists each problem with its path.',
    airtable: { type: 'INVALID_REQUEST_UNKNOWN', status: 422 },
  },
  'request.malformed_json': {
    status: 400,
    fault: 'user',
    retryable: false,
    description: 'The body is not valid JSON.',
    airtable: { type: 'INVALID_REQUEST_UNKNOWN', status: 400 },
  },
  'request.too_large': {
    status: 413,
    fault: 'user',
    retryable: false,
    description: 'The body is larger than the route accepts (`details.limitBytes`).',
    airtable: { type: 'REQUEST_TOO_LARGE', status: 413 },
  },
  'request.url_too_long': {
    status: 414,
    fault: 'user',
    retryable: false,
    description: 'The URL is longer than 16,000 characters; send the parameters in a POST body.',
    airtable: { type: 'INVALID_REQUEST_UNKNOWN', status: 414 },
  },
  'request.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No route matches the method and path.',
    airtable: { type: 'NOT_FOUND', status: 404 },
  },
  'auth.required': {
    status: 401,
    fault: 'user',
    retryable: false,
    description: 'No credentials, or credentials that are not valid (expired, revoked, unknown).',
    airtable: { type: 'AUTHENTICATION_REQUIRED', status: 401 },
  },
  'auth.forbidden': {
    status: 403,
    fault: 'user',
    retryable: false,
    description: 'The caller is authenticated but lacks the role or scope for this operation.',
    airtable: { type: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', status: 403 },
  },
  'auth.origin_forbidden': {
    status: 403,
    fault: 'user',
    retryable: false,
    description: 'The request Origin is not allowed (CSRF or DNS-rebinding protection).',
  },
  'rate_limit.exceeded': {
    status: 429,
    fault: 'user',
    retryable: true,
    description: 'Too many requests; wait for `Retry-After` seconds and try again.',
    airtable: { type: 'RATE_LIMIT_REACHED', status: 429 },
  },
  'config.invalid': {
    status: 500,
    fault: 'operational',
    retryable: false,
    description: 'A configuration variable is missing or invalid; the message names it. Startup stops.',
  },
  'db.unavailable': {
    status: 503,
    fault: 'operational',
    retryable: true,
    description: 'The database cannot be reached.',
    airtable: { type: 'RETRIABLE_ERROR', status: 503 },
  },
  'db.locked': {
    status: 503,
    fault: 'operational',
    retryable: false,
    description:
      'The embedded database in the data dir is held by another running process; go through that server (TABLEPORT_URL) or stop it.',
  },
  'db.migration_failed': {
    status: 500,
    fault: 'operational',
    retryable: false,
    description: 'A migration failed and was rolled back; the message names it.',
  },
  'service.unavailable': {
    status: 503,
    fault: 'operational',
    retryable: true,
    description: 'A dependency (Redis, queue) is down or the server is shutting down.',
    airtable: { type: 'RETRIABLE_ERROR', status: 503 },
  },
  'service.timeout': {
    status: 504,
    fault: 'operational',
    retryable: true,
    description: 'A dependency did not answer in time.',
    airtable: { type: 'RETRIABLE_ERROR', status: 503 },
  },
  'internal.unexpected': {
    status: 500,
    fault: 'bug',
    retryable: false,
    description: 'An unexpected error; the log has the stack under the same request id.',
    airtable: { type: 'SERVER_ERROR', status: 500 },
  },
});
