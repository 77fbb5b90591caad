export { createAirtableClient, type AirtableClient, type AirtableClientOptions } from './airtable.client';
export { MAX_UPLOAD_BYTES, type AttachmentsApi, type UploadAttachmentParams } from './attachments.client';
export { MAX_RECORDS_PER_WRITE, assertBatchSize, chunk } from './batch.limits';
export type { CommentsApi, RecordRef } from './comments.client';
export type { AirtableComment } from './comments.schema';
export { codeForStatus, parseRetryAfter } from './http.errors';
export { encodeQuery, v0Path } from './http.query';
export type {
  AirtableInterceptor,
  AirtableOperation,
  AirtableRequest,
  AirtableRequestHandler,
  AirtableResponse,
  CallOptions,
  HttpMethod,
  QueryEntries,
} from './http.types';
export type { FieldConfig, MetaApi, TableConfig } from './meta.types';
export type {
  AirtableBaseSchema,
  AirtableBaseSummary,
  AirtableCreatedBase,
  AirtableField,
  AirtableTable,
  AirtableView,
  AirtableWhoami,
  FieldType,
} from './meta.schema';
export type { RecordsApi } from './records.client';
export type { DeleteRecordParams, DeleteRecordsParams } from './records.delete';
export type { CappedRecordList, CappedRecordPage, ListAllRecordsParams, PageCap } from './records.pages';
export type { CellFormatOptions, ListRecordsOptions, SortSpec, TableRef } from './records.params';
export {
  MAX_LIST_URL_LENGTH,
  listRequest,
  type GetRecordParams,
  type ListRecordsParams,
  type RecordPage,
} from './records.read';
export { recordSchema, type AirtableRecord, type DeletedRecord, type UpsertResult } from './records.schema';
export type {
  CreateRecordParams,
  CreateRecordsParams,
  FieldValues,
  UpdateRecordParams,
  UpdateRecordsParams,
  WriteOptions,
} from './records.write';
export type { UpsertRecordsParams } from './records.upsert';
export type { WebhookRef, WebhooksApi } from './webhooks.client';
export { parseWebhookNotification, verifyWebhookMac, type VerifyWebhookMacParams } from './webhooks.mac';
export {
  webhookNotificationSchema,
  type AirtableCreatedWebhook,
  type AirtableWebhook,
  type AirtableWebhookNotification,
  type AirtableWebhookPayload,
  type AirtableWebhookPayloadPage,
  type WebhookSpecification,
} from './webhooks.schema';
