import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../app/app-context';
import type { Principal } from '../../gateway/gateway.types';
import { actorOf } from '../../gateway/actor';
import type { SecretStore } from '../../platform/secrets/secrets.service';
import type { DataServices } from '../data.module';
import { findBase } from '../data.registry';
import { deleteLocalBase } from './demo.delete';
import { createDemoBase } from './demo.seed';

const MARKER = 'demo_base_id';
/** The demo is created as the instance itself (admin rights, `system` channel). */
const SYSTEM: Principal = { kind: 'admin', id: 'demo', userId: null, scopes: 'all' };

/** Creates the demo base on a first start, and recreates it on request. */
export interface DemoService {
  /** On an empty embedded database with TABLEPORT_DEMO: creates the demo base once. */
  seedIfEmpty(): Promise<{ baseId: string } | null>;
  /** Deletes the demo base (if it still exists) and creates it again. */
  recreate(): Promise<{ baseId: string; records: number }>;
}

/** Builds the demo service. */
export function createDemoService(context: AppContext, deps: { services: () => DataServices; secrets: Pick<SecretStore, 'delete'> }): DemoService {
  const { db, config } = context;
  const caller = { principal: SYSTEM, channel: 'system' as const };
  const marker = async () => (await db.query<{ value: string }>('SELECT value FROM app_settings WHERE key = $1', [MARKER])).rows[0]?.value ?? null;
  const remember = (baseId: string) =>
    db.query(
      `INSERT INTO app_settings (key, value) VALUES ($1, to_jsonb($2::text))
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [MARKER, baseId],
    );
  const create = async () => {
    const created = await createDemoBase(deps.services().data, { caller });
    await remember(created.baseId);
    return created;
  };
  let running: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  };
  return {
    seedIfEmpty: () =>
      serial(async () => {
        // "Empty embedded database": PGlite in the data dir, no base yet, never seeded before.
        const embedded = !config.storage.databaseUrl && existsSync(path.join(config.storage.dataDir, 'pg', 'PG_VERSION'));
        if (!config.demo.enabled || !embedded || context.role === 'api') return null;
        const bases = await db.query('SELECT 1 FROM data_bases LIMIT 1');
        if (bases.rows.length > 0 || (await marker()) !== null) return null;
        const created = await create();
        context.logger.info({ baseId: created.baseId, records: created.records }, 'created the demo base');
        return { baseId: created.baseId };
      }),
    recreate: () =>
      serial(async () => {
        const previous = await marker();
        const base = previous ? await findBase(db, previous) : null;
        if (base) await deleteLocalBase({ db, events: context.events, secrets: deps.secrets }, { base, actor: actorOf(SYSTEM, 'system') });
        return create();
      }),
  };
}
