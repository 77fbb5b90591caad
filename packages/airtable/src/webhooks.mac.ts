import { createHmac, timingSafeEqual } from 'node:crypto';
import { safeJsonParse } from './http.body';
import { webhookNotificationSchema, type AirtableWebhookNotification } from './webhooks.schema';

/** Input of {@link verifyWebhookMac}. */
export interface VerifyWebhookMacParams {
  /** `macSecretBase64` from the create-webhook answer. */
  macSecretBase64: string;
  /** The raw request body, exactly as received (bytes or UTF-8 text). */
  body: string | Uint8Array;
  /** The `X-Airtable-Content-MAC` header: `hmac-sha256=<hex>`. */
  header: string | null | undefined;
}

/** True when the ping's `X-Airtable-Content-MAC` is HMAC-SHA256 of the raw body under the webhook's secret. */
export function verifyWebhookMac(params: VerifyWebhookMacParams): boolean {
  const match = /^hmac-sha256=([0-9a-f]{64})$/i.exec(params.header?.trim() ?? '');
  if (!match?.[1]) return false;
  const key = Buffer.from(params.macSecretBase64, 'base64');
  const expected = createHmac('sha256', key).update(params.body).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

/** Verifies a ping and parses its body; `undefined` when the MAC or the body is not valid. */
export function parseWebhookNotification(
  params: VerifyWebhookMacParams,
): AirtableWebhookNotification | undefined {
  if (!verifyWebhookMac(params)) return undefined;
  const text = typeof params.body === 'string' ? params.body : Buffer.from(params.body).toString('utf8');
  const json = safeJsonParse(text);
  if (!json.ok) return undefined;
  const parsed = webhookNotificationSchema.safeParse(json.value);
  return parsed.success ? parsed.data : undefined;
}
