/** HTTP methods the Airtable Web API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Ordered query parameters as `[name, value]` pairs; sent form-encoded (`fields%5B%5D=A+B`). */
export type QueryEntries = ReadonlyArray<readonly [name: string, value: string]>;

/** Names of the calls this client makes; schedulers key batching, caching and metrics on them. */
export type AirtableOperation =
  | 'records.list'
  | 'records.get'
  | 'records.create'
  | 'records.update'
  | 'records.replace'
  | 'records.upsert'
  | 'records.delete'
  | 'meta.whoami'
  | 'meta.bases.list'
  | 'meta.schema.get'
  | 'meta.base.create'
  | 'meta.table.create'
  | 'meta.table.update'
  | 'meta.field.create'
  | 'meta.field.update'
  | 'comments.list'
  | 'comments.create'
  | 'comments.update'
  | 'comments.delete'
  | 'webhooks.create'
  | 'webhooks.list'
  | 'webhooks.delete'
  | 'webhooks.enable_notifications'
  | 'webhooks.refresh'
  | 'webhooks.payloads.list'
  | 'attachments.upload'
  | (string & {});

/** One call to Airtable, as every high-level method describes it before it is sent. */
export interface AirtableRequest {
  operation: AirtableOperation;
  method: HttpMethod;
  /** Path on the host, starting with `/v0/`, each segment already percent-encoded. */
  path: string;
  query?: QueryEntries;
  /** JSON body; `undefined` sends no body. */
  body?: unknown;
  /** `content` is the upload host (content.airtable.com); default `api`. */
  host?: 'api' | 'content';
  /** The base the call counts against for Airtable's 5 requests/s limit; absent for token-wide calls. */
  baseId?: string;
  /** True when sending the same request twice leaves the same state (safe to retry after a failure). */
  idempotent: boolean;
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call; the clock starts when the request is sent. */
  timeoutMs?: number;
}

/** A successful (2xx) answer: the body is parsed JSON, or `undefined` when it was empty. */
export interface AirtableResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Sends one request; resolves with a 2xx response or rejects with an `airtable.*` AppError. */
export type AirtableRequestHandler = (request: AirtableRequest) => Promise<AirtableResponse>;

/** Wraps every call (rate limits, retries, caching): call `next` to send, or answer yourself. */
export type AirtableInterceptor = (
  request: AirtableRequest,
  next: AirtableRequestHandler,
) => Promise<AirtableResponse>;

/** Per-call options every high-level method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}
