import { newId } from '@tableport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import type { Database } from '../../infra/db';
import { createOutboundFetch } from '../../infra/http';
import { createJobQueue, type JobQueue } from '../../infra/jobs';
import { createLogger } from '../../infra/log/logger';
import { registerBase } from '../data.registry';
import { deliverPing, PING_QUEUE, pingJob } from './ping.job';
import { insertWebhookRow, webhookById } from './webhooks.repo';
import { startPingReceiver } from './webhooks.test-peer';

// Retries and auto-disable of pings, driven attempt by attempt (the queue's delays are not waited for).
const logger = createLogger({ level: 'silent' });
let db: Database;
let jobs: JobQueue;
let receiver: Awaited<ReturnType<typeof startPingReceiver>>;
const SECRET = Buffer.alloc(32, 7).toString('base64');

async function webhook(): Promise<string> {
  const workspaceId = newId('wsp');
  const baseId = newId('app');
  await db.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [workspaceId, 'w']);
  await registerBase(db, { id: baseId, name: 'b', workspaceId, driver: 'local' });
  const id = newId('ach');
  const specification = { options: { filters: { dataTypes: ['tableData' as const] } } };
  await insertWebhookRow(db, { id, baseId, notificationUrl: receiver.url, specification, macSecretId: 'secAAAAAAAAAAAAAA', createdBy: {}, expiresAt: new Date(Date.now() + 60_000) });
  return id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  jobs = createJobQueue({ db, logger, worker: false, recoverActive: false });
  // Registered for its queue (policy, retries); this process only sends, nothing works the queue.
  jobs.register(pingJob({ db, jobs, logger, outbound: createOutboundFetch({ allow: [] }), secrets: { reveal: async () => SECRET } }));
  await jobs.start();
  receiver = await startPingReceiver();
});
afterAll(async () => {
  receiver?.close();
  await jobs?.stop({ timeoutMs: 1000 });
  await db?.close();
});

describe('webhook pings', () => {
  it('retries failures with backoff, then turns notifications off; a success resets the count', async () => {
    const deps = { db, jobs, logger, outbound: createOutboundFetch({ allow: ['127.0.0.1'] }), secrets: { reveal: async () => SECRET }, retryDelaysSeconds: [60, 120] };
    const id = await webhook();
    const queued = async () =>
      (await db.query<{ start_after: Date; created_on: Date }>(`SELECT start_after, created_on FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created'`, [PING_QUEUE, id])).rows;
    receiver.status.value = 503;
    await deliverPing(deps, id);
    let hook = await webhookById(db, id);
    expect(hook).toMatchObject({ failed_pings: 1, notifications_enabled: true, last_notification_result: { success: false, retryNumber: 0, willBeRetried: true } });
    const [retry] = await queued();
    expect(retry!.start_after.getTime() - retry!.created_on.getTime()).toBeGreaterThanOrEqual(59_000);
    await db.query(`DELETE FROM pgboss.job WHERE name = $1`, [PING_QUEUE]);

    await deliverPing(deps, id);
    await db.query(`DELETE FROM pgboss.job WHERE name = $1`, [PING_QUEUE]);
    await deliverPing(deps, id);
    hook = await webhookById(db, id);
    expect(hook).toMatchObject({ failed_pings: 3, notifications_enabled: false, last_notification_result: { success: false, retryNumber: 2, willBeRetried: false } });
    expect(await queued()).toEqual([]);
    const pingsBefore = receiver.pings.length;
    await deliverPing(deps, id);
    expect(receiver.pings.length).toBe(pingsBefore);

    await db.query('UPDATE data_webhooks SET notifications_enabled = true, failed_pings = 0 WHERE id = $1', [id]);
    receiver.status.value = 204;
    await deliverPing(deps, id);
    hook = await webhookById(db, id);
    expect(hook).toMatchObject({ failed_pings: 0, last_notification_result: { success: true } });
    expect(hook!.last_successful_notification_at).toBeInstanceOf(Date);
  });

  it('a refused destination is a failure like any other', async () => {
    const deps = { db, jobs, logger, outbound: createOutboundFetch({ allow: [] }), secrets: { reveal: async () => SECRET }, retryDelaysSeconds: [60] };
    const id = await webhook();
    await deliverPing(deps, id);
    expect((await webhookById(db, id))!.last_notification_result).toMatchObject({ success: false, error: { message: expect.stringContaining('not a public address') } });
  });
});
