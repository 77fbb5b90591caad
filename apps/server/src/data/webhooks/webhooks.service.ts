import { randomBytes } from 'node:crypto';
import { AppError, newId } from '@tableport/contracts';
import type { Database } from '../../infra/db';
import type { Authorizer } from '../../platform/authz/authz.types';
import type { SecretStore } from '../../platform/secrets/secrets.service';
import { accessBase, type Caller } from '../data.access';
import type { DataSource } from '../data-source.types';
import { validationError } from '../../gateway/error-handler';
import { invalidRequest } from '../v0/v0.errors';
import type { OutboxConsumer } from './outbox/outbox.consumer';
import { findWebhookRow, insertWebhookRow, listWebhookRows, readPayloads } from './webhooks.repo';
import { checkSpecification, createWebhookSchema } from './webhooks.spec';
import { toWebhookView, type WebhookView } from './webhooks.view';

/** Webhooks live 7 days after creation, a refresh or a payload listing (Airtable). */
export const WEBHOOK_LIFETIME_MS = 7 * 24 * 3600 * 1000;
const MAX_PER_BASE = 10;
const MAX_PAYLOADS = 50;

type On = { caller: Caller; baseId: string };
type OnHook = On & { webhookId: string };

/** Airtable's webhooks API over the local store (shared/airtable-api.md §4.1). */
export interface WebhookService {
  create(options: On & { body: unknown }): Promise<{ id: string; macSecretBase64: string; expirationTime: string }>;
  list(options: On): Promise<{ webhooks: WebhookView[] }>;
  delete(options: OnHook): Promise<Record<string, never>>;
  refresh(options: OnHook): Promise<{ expirationTime: string }>;
  enableNotifications(options: OnHook & { enable: boolean }): Promise<Record<string, never>>;
  payloads(options: OnHook & { cursor?: number; limit?: number }): Promise<{ cursor: number; mightHaveMore: boolean; payloads: object[] }>;
}

/** What the webhook service is built from. */
export interface WebhookServiceDeps {
  db: Database;
  authorizer: Authorizer;
  local: () => DataSource;
  secrets: Pick<SecretStore, 'create' | 'delete'>;
  /** The payload builder: listing payloads first catches up with every committed write. */
  payloads: OutboxConsumer;
}

/** Builds the webhook service. */
export function createWebhookService(deps: WebhookServiceDeps): WebhookService {
  const access = (options: On, action: 'webhooks.manage' | 'records.read') =>
    accessBase({ ...deps, drivers: { local: deps.local() } }, { caller: options.caller, action, baseId: options.baseId });
  const hookOf = async (options: OnHook, action: 'webhooks.manage' | 'records.read' = 'webhooks.manage') => {
    const { base, actor } = await access(options, action);
    const row = await findWebhookRow(deps.db, { baseId: base.id, webhookId: options.webhookId });
    if (!row) throw new AppError({ code: 'webhook.not_found', message: `Could not find webhook ${options.webhookId}` });
    return { base, actor, row };
  };
  const extend = async (webhookId: string) => {
    const expires = new Date(Date.now() + WEBHOOK_LIFETIME_MS);
    await deps.db.query('UPDATE data_webhooks SET expires_at = $2 WHERE id = $1 AND expires_at > now()', [webhookId, expires]);
    return expires;
  };
  return {
    async create(options) {
      const { base, actor } = await access(options, 'webhooks.manage');
      const parsed = createWebhookSchema.safeParse(options.body);
      if (!parsed.success) throw validationError(parsed.error);
      checkSpecification(parsed.data.specification, await deps.local().getBaseSchema({ base }));
      const count = async () => (await listWebhookRows(deps.db, { baseIds: [base.id] })).length;
      const limitReached = () => new AppError({ code: 'webhook.limit_reached', message: `A base has at most ${MAX_PER_BASE} webhooks` });
      if ((await count()) >= MAX_PER_BASE) throw limitReached();
      const id = newId('ach');
      const macSecretBase64 = randomBytes(32).toString('base64');
      const secret = await deps.secrets.create({ workspaceId: base.workspaceId, kind: 'webhook_secret', name: `webhook ${id}`, value: macSecretBase64, actor });
      const expiresAt = new Date(Date.now() + WEBHOOK_LIFETIME_MS);
      try {
        await deps.db.transaction(async (tx) => {
          // Serialises creates on the base, so the limit holds under concurrency.
          await tx.query('SELECT 1 FROM data_bases WHERE id = $1 FOR UPDATE', [base.id]);
          if ((await listWebhookRows(tx, { baseIds: [base.id] })).length >= MAX_PER_BASE) throw limitReached();
          const { notificationUrl, specification } = parsed.data;
          await insertWebhookRow(tx, { id, baseId: base.id, notificationUrl: notificationUrl ?? null, specification, macSecretId: secret.id, createdBy: actor, expiresAt });
        });
      } catch (error) {
        await deps.secrets.delete({ workspaceId: base.workspaceId, id: secret.id, actor });
        throw error;
      }
      return { id, macSecretBase64, expirationTime: expiresAt.toISOString() };
    },
    async list(options) {
      const { base } = await access(options, 'webhooks.manage');
      return { webhooks: (await listWebhookRows(deps.db, { baseIds: [base.id] })).map((row) => toWebhookView(row)) };
    },
    async delete(options) {
      const { base, actor, row } = await hookOf(options);
      await deps.db.query('DELETE FROM data_webhooks WHERE id = $1', [row.id]);
      await deps.secrets.delete({ workspaceId: base.workspaceId, id: row.mac_secret_id, actor }).catch(() => undefined);
      return {};
    },
    async refresh(options) {
      const { row } = await hookOf(options);
      if (row.expires_at.getTime() <= Date.now()) throw new AppError({ code: 'webhook.expired', message: 'The webhook expired; create a new one' });
      return { expirationTime: (await extend(row.id)).toISOString() };
    },
    async enableNotifications(options) {
      const { row } = await hookOf(options);
      await deps.db.query('UPDATE data_webhooks SET notifications_enabled = $2, failed_pings = CASE WHEN $2 THEN 0 ELSE failed_pings END WHERE id = $1', [row.id, options.enable]);
      return {};
    },
    async payloads(options) {
      const { row } = await hookOf(options, 'records.read');
      const cursor = options.cursor ?? 1;
      const limit = options.limit ?? MAX_PAYLOADS;
      if (!Number.isInteger(cursor) || cursor < 1) throw invalidRequest('cursor must be a positive integer');
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAYLOADS) throw invalidRequest(`limit must be from 1 to ${MAX_PAYLOADS}`);
      await deps.payloads.drain();
      const rows = await readPayloads(deps.db, { webhookId: row.id, cursor, limit });
      const page = rows.slice(0, limit);
      await extend(row.id);
      return { cursor: page.length > 0 ? page.at(-1)!.cursor + 1 : cursor, mightHaveMore: rows.length > limit, payloads: page.map((item) => item.payload) };
    },
  };
}
