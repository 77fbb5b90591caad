import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from '../gateway/gateway.types';

/** A listening HTTP server with a graceful close. */
export interface HttpServer {
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections and waits until every socket has finished its response (idle
   * keep-alive sockets are closed as they go idle); after `timeoutMs` the rest are dropped.
   */
  close(options: { timeoutMs: number }): Promise<void>;
}

/** Serves the Hono app on node:http. URLs up to 16,000 characters fit (Airtable's limit). */
export async function listen(
  app: Hono<AppEnv>,
  options: { port: number; host: string },
): Promise<HttpServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const instance = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        serverOptions: { maxHeaderSize: 64 * 1024, keepAliveTimeout: 5000, requestTimeout: 120_000 },
      },
      () => resolve(instance),
    ) as Server;
    instance.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    port,
    url: `http://${host}:${port}`,
    close: async ({ timeoutMs }) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A request in flight keeps its socket; once answered it goes idle and is closed here.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        closed.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearInterval(sweep);
      clearTimeout(timer);
      if (timedOut) {
        server.closeAllConnections();
        await closed;
      }
    },
  };
}
