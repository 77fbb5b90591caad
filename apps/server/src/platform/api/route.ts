import { z } from 'zod';

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string(),
  }),
});
const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBody } },
});

/** Errors every platform route may answer. */
const ERRORS = {
  400: errorContent('Invalid request'),
  401: errorContent('No or invalid credentials'),
  403: errorContent('Missing role or scope, or a cross-site request with the session cookie (CSRF)'),
  404: errorContent('Not found'),
  409: errorContent('Conflict'),
  429: errorContent('Rate limited'),
};

/** Responses of a route answering JSON (`status` 200 or 201). */
export function jsonResponses<T extends z.ZodType>(schema: T, status: 200 | 201 = 200) {
  return {
    ...ERRORS,
    [status]: { description: 'OK', content: { 'application/json': { schema } } },
  } as typeof ERRORS &
    Record<typeof status, { description: string; content: { 'application/json': { schema: T } } }>;
}

/** Responses of a route answering 204. */
export function emptyResponses() {
  return { ...ERRORS, 204: { description: 'Done' } };
}

/** A JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true as const, content: { 'application/json': { schema } } } };
}

/** Security of platform routes: a Bearer token or the session cookie. */
export const SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];
