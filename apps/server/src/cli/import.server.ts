import { AppError, isErrorCode } from '@tableport/contracts';
import { pino } from 'pino';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { readDataDirLock } from '../infra/db/data-dir-lock';
import { createLogger } from '../infra/log/logger';
import { startEmbeddedServer } from '../mcp/stdio/stdio.embedded';
import { cliSetup, fail } from './cli-context';

/** A server the data commands (seed, import, export) call: the running one, or one started here. */
export interface ServerTarget {
  /** `/api/v1...` path; JSON unless `contentType` says otherwise; answers the body text. */
  call(input: {
    method: string;
    path: string;
    body?: string | object;
    contentType?: string;
  }): Promise<string>;
  stop(): Promise<void>;
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * PGlite is one process: a server named by TABLEPORT_URL, or the one holding the data dir (its lock
 * file names its URL), is called over its API with TABLEPORT_API_KEY or TABLEPORT_ADMIN_TOKEN;
 * otherwise the command runs Tableport here on a loopback port, on the database itself.
 */
export async function openServerTarget(config: AppConfig): Promise<ServerTarget> {
  const lockUrl = config.storage.databaseUrl ? undefined : readDataDirLock(config.storage.dataDir)?.url;
  const running = config.server.publicUrl ?? lockUrl;
  if (running) {
    const token = config.cli.apiKey ?? config.security.adminToken;
    if (!token) {
      throw new AppError({
        code: 'config.invalid',
        message: `The server at ${running} holds the data: set TABLEPORT_ADMIN_TOKEN (or TABLEPORT_API_KEY) to work through it.`,
      });
    }
    return httpTarget(running.replace(/\/+$/, ''), token, async () => {});
  }
  // Logs go to stderr so stdout carries only the command's result (a CSV, a report).
  const level = process.env.LOG_LEVEL ? config.log.level : 'warn';
  const logger = createLogger({ level, destination: pino.destination(2), name: 'tableport-cli' });
  const embedded = await startEmbeddedServer({ config, logger });
  return httpTarget(new URL(embedded.url).origin, embedded.token, embedded.stop);
}

function httpTarget(url: string, token: string, stop: () => Promise<void>): ServerTarget {
  return {
    stop,
    async call({ method, path, body, contentType }) {
      const text = typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body);
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(text === undefined ? {} : { 'content-type': contentType ?? 'application/json' }),
        },
        ...(text === undefined ? {} : { body: text }),
      }).catch((error: unknown) => {
        throw new AppError({
          code: 'service.unavailable',
          message: `Cannot reach the server at ${url}`,
          cause: error,
        });
      });
      const answer = await response.text();
      if (response.ok) return answer;
      const parsed = errorBody.safeParse(safeJson(answer));
      const code =
        parsed.data && isErrorCode(parsed.data.error.code) ? parsed.data.error.code : 'service.unavailable';
      throw new AppError({
        code,
        message: parsed.data?.error.message ?? `The server answered ${response.status}`,
      });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a result to stdout and waits until it is flushed (the command exits right after). */
export function printResult(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
}

/** Runs a data command against a server target, stops it, and exits 1 with the error's code on failure. */
export async function withServerTarget(run: (target: ServerTarget) => Promise<void>): Promise<void> {
  const { config } = cliSetup();
  let target: ServerTarget | undefined;
  try {
    target = await openServerTarget(config);
    await run(target);
    await target.stop();
    process.exit(0);
  } catch (error) {
    await target?.stop().catch(() => undefined);
    fail(error);
  }
}
