import { AppError } from '@tableport/contracts';
import { errorFromResponse } from './http.errors';
import { safeJsonParse } from './http.body';
import { encodeQuery } from './http.query';
import type { AirtableRequest, AirtableRequestHandler, AirtableResponse } from './http.types';

/** What the HTTP sender needs; built once by `createAirtableClient`. */
export interface HttpSenderConfig {
  token: string;
  endpointUrl: string;
  contentEndpointUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  userAgent: string;
}

/** Creates the primitive that sends one request over `fetch` and maps every failure to an AppError. */
export function createHttpSender(config: HttpSenderConfig): AirtableRequestHandler {
  return async (request) => {
    const timeoutMs = request.timeoutMs ?? config.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let exchange: { response: Response; text: string };
    try {
      const response = await config.fetch(requestUrl(config, request), {
        method: request.method,
        headers: requestHeaders(config, request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        redirect: 'manual',
      });
      exchange = { response, text: await response.text() };
    } catch (error) {
      throw transportError({ error, request, timeout, timeoutMs, token: config.token });
    }
    return toResponse({ ...exchange, token: config.token });
  };
}

function requestUrl(config: HttpSenderConfig, request: AirtableRequest): string {
  const origin = request.host === 'content' ? config.contentEndpointUrl : config.endpointUrl;
  const query = request.query && request.query.length > 0 ? `?${encodeQuery(request.query)}` : '';
  return `${origin}${request.path}${query}`;
}

function requestHeaders(config: HttpSenderConfig, request: AirtableRequest): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${config.token}`,
    accept: 'application/json',
    'user-agent': config.userAgent,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return headers;
}

function toResponse(input: { response: Response; text: string; token: string }): AirtableResponse {
  const { response, text } = input;
  const parsed = text.trim() === '' ? { ok: true as const, value: undefined } : safeJsonParse(text);
  const ok = response.status >= 200 && response.status < 300;
  if (!ok) {
    const body = parsed.ok ? parsed.value : undefined;
    throw errorFromResponse({ status: response.status, headers: response.headers, body, token: input.token });
  }
  if (!parsed.ok) {
    throw new AppError({
      code: 'airtable.invalid_response',
      message: `Airtable answered ${response.status} with a body that is not JSON`,
      details: { status: response.status, contentType: response.headers.get('content-type') },
    });
  }
  return { status: response.status, headers: response.headers, body: parsed.value };
}

function transportError(input: {
  error: unknown;
  request: AirtableRequest;
  timeout: AbortSignal;
  timeoutMs: number;
  token: string;
}): AppError {
  const { error, request } = input;
  if (request.signal?.aborted) {
    return new AppError({
      code: 'airtable.aborted',
      message: `Airtable ${request.operation} was aborted by the caller`,
      cause: request.signal.reason ?? error,
    });
  }
  if (input.timeout.aborted) {
    return new AppError({
      code: 'airtable.timeout',
      message: `Airtable ${request.operation} got no answer within ${input.timeoutMs} ms`,
      details: { timeoutMs: input.timeoutMs },
      cause: error,
    });
  }
  // An injected fetch (the outbound guard) may refuse with its own AppError: keep its code.
  if (AppError.isInstance(error)) return error;
  return new AppError({
    code: 'airtable.network',
    message: `Airtable ${request.operation} could not reach Airtable: ${describe(error).replaceAll(input.token, '[redacted]')}`,
    cause: error,
  });
}

// undici puts the useful reason (ECONNREFUSED, guard refusals) in `cause`.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
