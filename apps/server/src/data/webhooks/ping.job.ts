import { createHmac } from 'node:crypto';
import type { Database } from '../../infra/db';
import type { OutboundFetch } from '../../infra/http';
import { defineJob, type JobDefinition, type JobQueue } from '../../infra/jobs';
import type { Logger } from '../../infra/log/logger';
import type { SecretStore } from '../../platform/secrets/secrets.service';
import { findBase } from '../data.registry';
import { webhookById, type WebhookRow } from './webhooks.repo';

/** The queue of webhook pings: at most one waiting per webhook (new payloads while one waits share it). */
export const PING_QUEUE = 'webhooks.ping';

/**
 * Waits before each retry of a failed ping, about a day in all (Airtable retries for about a day,
 * then turns notifications off). The first failure is retried after 10 s.
 */
export const PING_RETRY_DELAYS_SECONDS = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 43_200];

/** What delivering pings needs. */
export interface PingDeps {
  db: Database;
  outbound: OutboundFetch;
  secrets: Pick<SecretStore, 'reveal'>;
  jobs: Pick<JobQueue, 'send'>;
  logger: Logger;
  retryDelaysSeconds?: readonly number[];
}

/** `X-Airtable-Content-MAC`: HMAC-SHA256 of the raw body under the base64-decoded secret. */
export function contentMac(secretBase64: string, body: string): string {
  return `hmac-sha256=${createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(body).digest('hex')}`;
}

/** Sends one ping and records the outcome; a failure schedules the next try or turns notifications off. */
export async function deliverPing(deps: PingDeps, webhookId: string): Promise<void> {
  const hook = await webhookById(deps.db, webhookId);
  if (!hook?.notification_url || !hook.notifications_enabled || hook.expires_at.getTime() <= Date.now()) return;
  const started = Date.now();
  const outcome = await send(deps, hook).then(
    (status) => (status >= 200 && status < 300 ? null : `The notification URL answered ${status}`),
    (error: unknown) => (error as Error).message ?? String(error),
  );
  const result = { completionTimestamp: new Date().toISOString(), durationMs: Date.now() - started };
  const delays = deps.retryDelaysSeconds ?? PING_RETRY_DELAYS_SECONDS;
  await deps.db.transaction(async (tx) => {
    if (outcome === null) {
      await tx.query(
        `UPDATE data_webhooks SET failed_pings = 0, last_successful_notification_at = now(),
         last_notification_result = $2::jsonb WHERE id = $1`,
        [webhookId, JSON.stringify({ success: true, ...result, retryNumber: hook.failed_pings })],
      );
      return;
    }
    const failures = hook.failed_pings + 1;
    const willBeRetried = failures <= delays.length;
    const lastResult = { success: false, error: { message: outcome }, ...result, retryNumber: hook.failed_pings, willBeRetried };
    await tx.query(
      `UPDATE data_webhooks SET failed_pings = $2, last_notification_result = $3::jsonb,
       notifications_enabled = notifications_enabled AND $4 WHERE id = $1`,
      [webhookId, failures, JSON.stringify(lastResult), willBeRetried],
    );
    if (willBeRetried) await deps.jobs.send(PING_QUEUE, { webhookId }, { tx, singletonKey: webhookId, startAfter: delays[failures - 1]! });
  });
  if (outcome !== null) deps.logger.warn({ webhookId, failures: hook.failed_pings + 1, reason: outcome }, 'webhook ping failed');
}

async function send(deps: PingDeps, hook: WebhookRow): Promise<number> {
  const base = await findBase(deps.db, hook.base_id);
  const secret = await deps.secrets.reveal({ workspaceId: base?.workspaceId ?? null, id: hook.mac_secret_id });
  const body = JSON.stringify({ base: { id: hook.base_id }, webhook: { id: hook.id }, timestamp: new Date().toISOString() });
  const response = await deps.outbound(hook.notification_url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Airtable-Content-MAC': contentMac(secret, body) },
    body,
    timeoutMs: 15_000,
  });
  await response.body?.cancel();
  return response.status;
}

/** The ping queue: `short` keeps one waiting job per webhook; pg-boss retries only a crashed attempt. */
export function pingJob(deps: PingDeps): JobDefinition<object> {
  return defineJob<{ webhookId: string }>({
    name: PING_QUEUE,
    queue: { policy: 'short', retryLimit: 3, retryDelay: 5, expireInSeconds: 60 },
    handler: (data) => deliverPing(deps, data.webhookId),
  });
}
