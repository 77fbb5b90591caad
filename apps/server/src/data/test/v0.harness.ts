import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, testRedisPrefix, usesPostgres } from '../../../test/harness';
import { startTableport, type Tableport } from '../../app/tableport';
import type { AppModule } from '../../app/module';
import type { AppContext } from '../../app/app-context';
import { loadConfig } from '../../config';
import { createLogger } from '../../infra/log/logger';

/** A parsed JSON answer (tests read it freely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The admin token of test servers. */
export const ADMIN_TOKEN = 'test-admin-token-'.padEnd(40, 'x');

/** A running server for /v0 tests and a small HTTP client with the admin token. */
export interface V0Server {
  app: Tableport;
  url: string;
  /** JSON request to `/v0/...`; returns status and parsed body. */
  call(method: string, pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json; headers: Headers }>;
  /** Raw request (exact path, body text and headers, no token unless given). */
  raw(method: string, pathAndQuery: string, init?: { body?: string; headers?: Record<string, string> }): Promise<{ status: number; text: string; headers: Headers }>;
  /** Creates a base with tables and returns its id and the created schema. */
  createBase(tables: unknown[], name?: string): Promise<{ id: string; tables: Json[] }>;
  stop(): Promise<void>;
}

/** Starts Tableport on port 0 with a fresh test database (PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function startV0Server(options: { extraModules?: (context: AppContext) => AppModule[]; env?: Record<string, string> } = {}): Promise<V0Server> {
  const db = await createTestDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TABLEPORT_ADMIN_TOKEN: ADMIN_TOKEN,
    TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-data-')),
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: testRedisPrefix() } : {}),
    ...(usesPostgres() ? { TABLEPORT_SECRET_KEY: 'ab'.repeat(32) } : {}),
    ...options.env,
  });
  const app = await startTableport({
    config,
    role: 'all',
    logger: createLogger({ level: process.env.TEST_LOG ?? 'silent' }),
    database: { db, lock: undefined },
    serveWebApp: false,
    ...(options.extraModules ? { extraModules: options.extraModules } : {}),
  });
  const raw: V0Server['raw'] = async (method, pathAndQuery, init = {}) => {
    const response = await fetch(`${app.url}${pathAndQuery}`, { method, body: init.body ?? null, headers: init.headers ?? {} });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const call: V0Server['call'] = async (method, pathAndQuery, body, headers = {}) => {
    const response = await raw(method, pathAndQuery, {
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
    });
    return { status: response.status, body: response.text ? JSON.parse(response.text) : undefined, headers: response.headers };
  };
  return {
    app,
    url: app.url,
    call,
    raw,
    async createBase(tables, name = 'Test base') {
      const response = await call('POST', '/v0/meta/bases', { name, tables });
      if (response.status !== 200) throw new Error(`createBase: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string; tables: Json[] };
    },
    stop: () => app.stop(),
  };
}
