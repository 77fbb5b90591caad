import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createTestDatabase, testRedisPrefix, usesPostgres } from '../../../test/harness';
import { startTableport, type Tableport } from '../../app/tableport';
import { loadConfig } from '../../config';
import { createLogger } from '../../infra/log/logger';

/** A parsed JSON answer (tests read it freely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The admin token of platform test servers. */
export const ADMIN_TOKEN = 'platform-test-admin-token-'.padEnd(48, 'z');
/** The password every test user gets. */
export const PASSWORD = 'correct horse battery';

/** Who a test request comes as: a session cookie, a Bearer token, or nobody. */
export type As = { cookie: string } | { bearer: string } | null;

/** A running server, the log lines it wrote, and a small client. */
export interface PlatformServer {
  app: Tableport;
  url: string;
  logs: string[];
  /** JSON request; same-origin `Origin` for cookie requests unless `headers` says otherwise. */
  call(input: {
    method: string;
    path: string;
    as: As;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<{ status: number; body: Json; headers: Headers; text: string }>;
  /** Signs up (or in, when `signIn`) and returns the session cookie and user id. */
  session(
    email: string,
    options?: { signIn?: boolean; password?: string },
  ): Promise<{ cookie: string; userId: string }>;
  stop(): Promise<void>;
}

/** Starts Tableport on port 0 with a fresh database (PGlite, or PostgreSQL + Redis when set). */
export async function startPlatformServer(env: Record<string, string> = {}): Promise<PlatformServer> {
  const db = await createTestDatabase();
  const logs: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => (logs.push(chunk.toString()), done()),
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    TABLEPORT_ADMIN_TOKEN: ADMIN_TOKEN,
    TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-platform-')),
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: testRedisPrefix() }
      : {}),
    ...(usesPostgres() ? { TABLEPORT_SECRET_KEY: 'cd'.repeat(32) } : {}),
    ...env,
  });
  const app = await startTableport({
    config,
    role: 'all',
    logger: createLogger({ level: 'info', destination: sink }),
    database: { db, lock: undefined },
    serveWebApp: false,
  });
  const call: PlatformServer['call'] = async ({ method, path: route, as, body, headers = {} }) => {
    const auth: Record<string, string> = !as
      ? {}
      : 'cookie' in as
        ? { cookie: as.cookie, origin: app.url }
        : { authorization: `Bearer ${as.bearer}` };
    const response = await fetch(`${app.url}${route}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...auth, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return {
    app,
    url: app.url,
    logs,
    call,
    async session(email, options = {}) {
      const route = options.signIn ? '/api/auth/sign-in/email' : '/api/auth/sign-up/email';
      const body = {
        email,
        password: options.password ?? PASSWORD,
        ...(options.signIn ? {} : { name: email.split('@')[0] }),
      };
      const response = await call({
        method: 'POST',
        path: route,
        as: null,
        body,
        headers: { origin: app.url },
      });
      if (response.status !== 200) throw new Error(`${route}: ${response.status} ${response.text}`);
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0]!)
        .join('; ');
      return { cookie, userId: response.body.user.id as string };
    },
    stop: () => app.stop(),
  };
}
