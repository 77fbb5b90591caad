import { AppError, toAppError } from '@tableport/contracts';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { requestLogger, type AppEnv, type AuthChallenge, type PathErrorHandler } from './gateway.types';

/** Turns anything thrown by a route into an AppError with a stable code. */
export function normaliseError(error: unknown): AppError {
  if (AppError.isInstance(error)) return error;
  if (error instanceof ZodError) return validationError(error);
  if (error instanceof HTTPException) {
    if (error.status === 400 && /json/i.test(error.message)) {
      return new AppError({
        code: 'request.malformed_json',
        message: 'The body is not valid JSON',
        cause: error,
      });
    }
    if (error.status === 413)
      return new AppError({ code: 'request.too_large', message: error.message, cause: error });
    if (error.status === 401)
      return new AppError({ code: 'auth.required', message: 'Authentication required', cause: error });
    if (error.status === 403)
      return new AppError({ code: 'auth.forbidden', message: error.message, cause: error });
    if (error.status < 500)
      return new AppError({ code: 'request.invalid', message: error.message, cause: error });
  }
  return toAppError(error);
}

/** A zod failure as `request.invalid` with each issue's path and message. */
export function validationError(error: ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  return new AppError({
    code: 'request.invalid',
    message: `Invalid request: ${summary}`,
    details: { issues },
  });
}

/**
 * The gateway's error handler: a surface's own format where a module declared one for the path
 * (so `/v0` answers a 413 in Airtable's JSON), plus the auth challenges modules declared.
 */
export function createErrorHandler(options: {
  challenges: readonly AuthChallenge[];
  handlers: readonly PathErrorHandler[];
}): (error: unknown, c: Context<AppEnv>) => Response {
  const { challenges, handlers } = options;
  return (error, c) => {
    const surface = handlers.find((candidate) => c.req.path.startsWith(candidate.pathPrefix));
    const response = (surface?.handle ?? handleError)(error, c);
    if (response.status === 401) {
      const challenge = challenges.find((candidate) => c.req.path.startsWith(candidate.pathPrefix));
      if (challenge) response.headers.set('WWW-Authenticate', challenge.header(c.req.url));
    }
    return response;
  };
}

/** The gateway's one error handler: `{"error":{code,message,details?,requestId}}`, logged by fault. */
export function handleError(error: unknown, c: Context<AppEnv>): Response {
  const appError = normaliseError(error);
  const requestId = c.get('requestId');
  const logger = requestLogger(c);
  if (appError.fault === 'bug') logger?.error({ err: error, code: appError.code }, 'unhandled error');
  else if (appError.fault === 'operational')
    logger?.warn({ err: error, code: appError.code }, appError.message);
  if (appError.code === 'rate_limit.exceeded' && typeof appError.details?.retryAfterSeconds === 'number') {
    c.header('Retry-After', String(Math.ceil(appError.details.retryAfterSeconds)));
  }
  const message = appError.fault === 'bug' ? 'Unexpected error' : appError.message;
  return c.json(
    { error: { ...appError.toJSON(), message, requestId } },
    appError.status as ContentfulStatusCode,
  );
}
