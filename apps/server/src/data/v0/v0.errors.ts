import { AppError } from '@tableport/contracts';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requestLogger, type AppEnv } from '../../gateway/gateway.types';
import { normaliseError } from '../../gateway/error-handler';

/** Airtable's verbatim 403 text: unknown bases and tables read the same as forbidden ones. */
const FORBIDDEN_MESSAGE =
  'Invalid permissions, or the requested model was not found. Check that both your user and your token have the required permissions, and that the model names and/or ids are correct.';

/** The Airtable error JSON and status of an AppError (shared/airtable-api.md §2.9). */
export function airtableError(error: AppError): { status: number; body: { error: { type: string; message: string } } } {
  const upstream = upstreamAirtableError(error);
  if (upstream) return upstream;
  const airtable = error.spec.airtable;
  const type = airtable?.type ?? (error.status >= 500 ? 'SERVER_ERROR' : 'INVALID_REQUEST_UNKNOWN');
  const status = airtable?.status ?? error.status;
  let message = error.fault === 'bug' ? 'Unexpected error' : error.message;
  if (type === 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND') message = FORBIDDEN_MESSAGE;
  if (type === 'AUTHENTICATION_REQUIRED') message = 'Authentication required';
  if (type === 'RATE_LIMIT_REACHED') message = 'Rate limit exceeded. Please try again later';
  return { status, body: { error: { type, message } } };
}

/**
 * A connected base's own Airtable refusal (4xx other than 401, which concerns our token, not the
 * caller's) passes through with Airtable's status, type and message, so /v0 answers as Airtable did.
 */
function upstreamAirtableError(error: AppError): ReturnType<typeof airtableError> | undefined {
  const { status, airtableType, airtableMessage } = error.details ?? {};
  if (!error.code.startsWith('airtable.') || typeof airtableType !== 'string' || typeof status !== 'number') return undefined;
  if (status < 400 || status > 499 || status === 401) return undefined;
  return { status, body: { error: { type: airtableType, message: typeof airtableMessage === 'string' ? airtableMessage : '' } } };
}

/** The `/v0` sub-app's error handler: every failure becomes `{"error":{"type","message"}}`, never a bare 500 for bad input. */
export function handleV0Error(error: unknown, c: Context<AppEnv>): Response {
  const appError = normaliseError(error);
  const logger = requestLogger(c);
  if (appError.fault === 'bug') logger?.error({ err: error, code: appError.code }, 'unhandled error on /v0');
  else if (appError.fault === 'operational') logger?.warn({ err: error, code: appError.code }, appError.message);
  const { status, body } = airtableError(appError);
  if (typeof appError.details?.retryAfterSeconds === 'number') {
    c.header('Retry-After', String(Math.ceil(appError.details.retryAfterSeconds)));
  }
  return c.json(body, status as ContentfulStatusCode);
}

/** `request.invalid` for a bad parameter (422 INVALID_REQUEST_UNKNOWN on /v0). */
export function invalidRequest(message: string): AppError {
  return new AppError({ code: 'request.invalid', message });
}
