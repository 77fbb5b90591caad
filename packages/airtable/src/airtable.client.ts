import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import { createAttachmentsApi, type AttachmentsApi } from './attachments.client';
import { createCommentsApi, type CommentsApi } from './comments.client';
import { createHttpSender } from './http.request';
import type { AirtableInterceptor, AirtableRequestHandler } from './http.types';
import { createMetaApi } from './meta.client';
import type { MetaApi } from './meta.types';
import { createRecordsApi, type RecordsApi } from './records.client';
import { createWebhooksApi, type WebhooksApi } from './webhooks.client';

/** Options of {@link createAirtableClient}. */
export interface AirtableClientOptions {
  /** Personal access token or OAuth access token; sent only as `Authorization: Bearer`. */
  token: string;
  /** Default `https://api.airtable.com`; point it at Tableport's `/v0` or a test peer. */
  endpointUrl?: string;
  /** Host of attachment uploads; default `https://content.airtable.com`. */
  contentEndpointUrl?: string;
  /** Default `globalThis.fetch`; the server passes its outbound-guarded fetch. */
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout in ms, counted from when a request is sent; default 60,000. */
  timeoutMs?: number;
  /** Default `Tableport`. */
  userAgent?: string;
  /** Wraps every request (rate limiting, retries, caching, metrics). */
  intercept?: AirtableInterceptor;
}

/** The Airtable Web API client. */
export interface AirtableClient {
  /** The primitive every method goes through (interceptor included); use it for unlisted endpoints. */
  request: AirtableRequestHandler;
  records: RecordsApi;
  meta: MetaApi;
  comments: CommentsApi;
  webhooks: WebhooksApi;
  attachments: AttachmentsApi;
}

const optionsSchema = z.object({
  // Visible ASCII only: fetch would echo a token with a newline in its header error message.
  token: z.string().regex(/^[\x21-\x7e]+$/),
  endpointUrl: z.url({ protocol: /^https?$/ }).default('https://api.airtable.com'),
  contentEndpointUrl: z.url({ protocol: /^https?$/ }).default('https://content.airtable.com'),
  timeoutMs: z.int().min(1).max(2_147_483_647).default(60_000),
  userAgent: z.string().min(1).default('Tableport'),
});

/** Creates a client; no request is made until a method is called. */
export function createAirtableClient(options: AirtableClientOptions): AirtableClient {
  const parsed = optionsSchema.safeParse({ ...options, fetch: undefined, intercept: undefined });
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.map(String).join('.')).join(', ');
    throw new AppError({ code: 'config.invalid', message: `Invalid Airtable client options: ${names}` });
  }
  const send = createHttpSender({
    ...parsed.data,
    endpointUrl: parsed.data.endpointUrl.replace(/\/+$/, ''),
    contentEndpointUrl: parsed.data.contentEndpointUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  });
  const intercept = options.intercept;
  const request: AirtableRequestHandler = intercept ? (call) => intercept(call, send) : send;
  return {
    request,
    records: createRecordsApi(request),
    meta: createMetaApi(request),
    comments: createCommentsApi(request),
    webhooks: createWebhooksApi(request),
    attachments: createAttachmentsApi(request),
  };
}
