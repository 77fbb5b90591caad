import { z } from 'zod';

/** What a webhook watches (`specification.options`); ids only, never names. */
export interface WebhookSpecification {
  options: {
    filters: {
      dataTypes: ReadonlyArray<'tableData' | 'tableFields' | 'tableMetadata'>;
      recordChangeScope?: string;
      changeTypes?: ReadonlyArray<'add' | 'remove' | 'update'>;
      fromSources?: readonly string[];
      sourceOptions?: Record<string, unknown>;
      watchDataInFieldIds?: readonly string[];
      watchSchemasOfFieldIds?: readonly string[];
    };
    includes?: {
      includeCellValuesInFieldIds?: 'all' | readonly string[];
      includePreviousCellValues?: boolean;
      includePreviousFieldDefinitions?: boolean;
    };
  };
}

/** `POST /v0/bases/{baseId}/webhooks`: the MAC secret is only ever returned here. */
export const createdWebhookSchema = z.looseObject({
  id: z.string(),
  macSecretBase64: z.string(),
  expirationTime: z.string().nullish(),
});
/** A created webhook: keep `macSecretBase64` to verify pings. */
export type AirtableCreatedWebhook = z.output<typeof createdWebhookSchema>;

/** One webhook of `GET /v0/bases/{baseId}/webhooks`. */
export const webhookSchema = z.looseObject({
  id: z.string(),
  areNotificationsEnabled: z.boolean(),
  isHookEnabled: z.boolean(),
  cursorForNextPayload: z.number(),
  notificationUrl: z.string().nullish(),
  expirationTime: z.string().nullish(),
  lastSuccessfulNotificationTime: z.string().nullish(),
  lastNotificationResult: z.looseObject({ success: z.boolean() }).nullish(),
  specification: z.unknown(),
});
/** A webhook as Airtable lists it. */
export type AirtableWebhook = z.output<typeof webhookSchema>;

/** The webhook list. */
export const webhookListSchema = z.looseObject({ webhooks: z.array(webhookSchema) });

/** `POST .../refresh`. */
export const refreshedWebhookSchema = z.looseObject({ expirationTime: z.string().nullish() });

// Payloads vary by dataTypes and may be error payloads (`{error: true, code}`): keep everything optional.
/** One change payload. */
export const webhookPayloadSchema = z.looseObject({
  timestamp: z.string().optional(),
  baseTransactionNumber: z.number().optional(),
  payloadFormat: z.string().optional(),
  actionMetadata: z.record(z.string(), z.unknown()).optional(),
  changedTablesById: z.record(z.string(), z.unknown()).optional(),
  createdTablesById: z.record(z.string(), z.unknown()).optional(),
  destroyedTableIds: z.array(z.string()).optional(),
  error: z.boolean().optional(),
  code: z.string().optional(),
});
/** A webhook payload (V2 cell values inside). */
export type AirtableWebhookPayload = z.output<typeof webhookPayloadSchema>;

/** `GET .../payloads`: read on with `cursor` while `mightHaveMore`. */
export const webhookPayloadPageSchema = z.looseObject({
  cursor: z.number(),
  mightHaveMore: z.boolean(),
  payloads: z.array(webhookPayloadSchema),
});
/** One page of webhook payloads. */
export type AirtableWebhookPayloadPage = z.output<typeof webhookPayloadPageSchema>;

/** The body Airtable POSTs to `notificationUrl`; it carries no change data. */
export const webhookNotificationSchema = z.looseObject({
  base: z.looseObject({ id: z.string() }),
  webhook: z.looseObject({ id: z.string() }),
  timestamp: z.string(),
});
/** A webhook ping. */
export type AirtableWebhookNotification = z.output<typeof webhookNotificationSchema>;
