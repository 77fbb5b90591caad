import { parseBody } from './http.body';
import { QueryBuilder, v0Path } from './http.query';
import type { AirtableRequest, AirtableRequestHandler, CallOptions } from './http.types';
import {
  createdWebhookSchema,
  refreshedWebhookSchema,
  webhookListSchema,
  webhookPayloadPageSchema,
  type AirtableCreatedWebhook,
  type AirtableWebhook,
  type AirtableWebhookPayloadPage,
  type WebhookSpecification,
} from './webhooks.schema';

/** Identifies one webhook of a base. */
export interface WebhookRef extends CallOptions {
  baseId: string;
  webhookId: string;
}

/** The webhooks part of the client (`/v0/bases/{baseId}/webhooks`). */
export interface WebhooksApi {
  /** Creates a webhook; without `notificationUrl` it only collects payloads. */
  create(
    params: CallOptions & { baseId: string; notificationUrl?: string; specification: WebhookSpecification },
  ): Promise<AirtableCreatedWebhook>;
  /** Lists a base's webhooks (there is no get-one endpoint). */
  list(params: CallOptions & { baseId: string }): Promise<AirtableWebhook[]>;
  /** Deletes a webhook. */
  delete(params: WebhookRef): Promise<void>;
  /** Turns pings on or off; payloads keep being recorded either way. */
  enableNotifications(params: WebhookRef & { enable: boolean }): Promise<void>;
  /** Extends the webhook's life by 7 days; answers the new expiration time. */
  refresh(params: WebhookRef): Promise<{ expirationTime: string | null }>;
  /** Reads payloads from `cursor` (default 1), at most `limit` (≤ 50). */
  listPayloads(params: WebhookRef & { cursor?: number; limit?: number }): Promise<AirtableWebhookPayloadPage>;
}

type Call = Pick<AirtableRequest, 'operation' | 'method' | 'query' | 'body' | 'idempotent'>;

/** Builds the webhooks API on a request handler. */
export function createWebhooksApi(request: AirtableRequestHandler): WebhooksApi {
  const send = (ref: CallOptions & { baseId: string }, call: Call, ...segments: string[]) =>
    request({
      ...call,
      path: v0Path('bases', ref.baseId, 'webhooks', ...segments),
      baseId: ref.baseId,
      signal: ref.signal,
      timeoutMs: ref.timeoutMs,
    });
  return {
    create: async (params) => {
      const body = { notificationUrl: params.notificationUrl, specification: params.specification };
      const response = await send(params, {
        operation: 'webhooks.create',
        method: 'POST',
        body,
        idempotent: false,
      });
      return parseBody(createdWebhookSchema, response, 'webhooks.create');
    },
    list: async (params) => {
      const response = await send(params, { operation: 'webhooks.list', method: 'GET', idempotent: true });
      return parseBody(webhookListSchema, response, 'webhooks.list').webhooks;
    },
    delete: async (params) => {
      await send(
        params,
        { operation: 'webhooks.delete', method: 'DELETE', idempotent: true },
        params.webhookId,
      );
    },
    enableNotifications: async (params) => {
      const call: Call = {
        operation: 'webhooks.enable_notifications',
        method: 'POST',
        body: { enable: params.enable },
        idempotent: true,
      };
      await send(params, call, params.webhookId, 'enableNotifications');
    },
    refresh: async (params) => {
      const call: Call = { operation: 'webhooks.refresh', method: 'POST', idempotent: true };
      const refreshed = parseBody(
        refreshedWebhookSchema,
        await send(params, call, params.webhookId, 'refresh'),
        'webhooks.refresh',
      );
      return { expirationTime: refreshed.expirationTime ?? null };
    },
    listPayloads: async (params) => {
      const query = new QueryBuilder().add('cursor', params.cursor).add('limit', params.limit).entries;
      const call: Call = { operation: 'webhooks.payloads.list', method: 'GET', query, idempotent: true };
      return parseBody(
        webhookPayloadPageSchema,
        await send(params, call, params.webhookId, 'payloads'),
        'webhooks.payloads.list',
      );
    },
  };
}
