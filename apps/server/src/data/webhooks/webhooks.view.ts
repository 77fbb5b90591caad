import type { WebhookRow } from './webhooks.repo';

/** A webhook as `GET /v0/bases/{baseId}/webhooks` lists it (shared/airtable-api.md §4.1.2). */
export interface WebhookView {
  id: string;
  areNotificationsEnabled: boolean;
  cursorForNextPayload: number;
  isHookEnabled: boolean;
  lastSuccessfulNotificationTime: string | null;
  notificationUrl: string | null;
  lastNotificationResult: Record<string, unknown> | null;
  expirationTime: string | null;
  specification: unknown;
}

/** The list shape of a webhook row. */
export function toWebhookView(row: WebhookRow, now = Date.now()): WebhookView {
  return {
    id: row.id,
    areNotificationsEnabled: row.notifications_enabled,
    cursorForNextPayload: row.next_cursor,
    isHookEnabled: row.expires_at.getTime() > now,
    lastSuccessfulNotificationTime: row.last_successful_notification_at?.toISOString() ?? null,
    notificationUrl: row.notification_url,
    lastNotificationResult: row.last_notification_result,
    expirationTime: row.expires_at.toISOString(),
    specification: row.specification,
  };
}
