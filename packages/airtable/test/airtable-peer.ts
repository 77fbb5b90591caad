// A small in-process HTTP peer that speaks Airtable's wire protocol: it records every request exactly
// as it arrived (raw path and query, headers, body) and answers with scripted replies.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { createAirtableClient, type AirtableClient, type AirtableClientOptions } from '../src/index';

/** A request as the peer saw it. */
export interface RecordedRequest {
  method: string;
  /** Raw path, percent-encoding untouched. */
  path: string;
  /** Raw query string without `?` ('' when absent). */
  query: string;
  headers: Record<string, string>;
  body: string;
}

/** A scripted answer; `hang` never answers (until the client gives up or the peer closes). */
export type PeerReply =
  { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'hang';

/** The peer: its base URL, what it received, and how to script it. */
export interface AirtablePeer {
  url: string;
  requests: RecordedRequest[];
  /** Queues replies, used in order; once empty, answers `200 {}`. */
  reply(...replies: PeerReply[]): void;
  /** Forgets received requests and unused replies (call before each test). */
  reset(): void;
  /** The only request received so far (fails when there were none or several). */
  only(): RecordedRequest;
  close(): Promise<void>;
}

/** Starts a peer on 127.0.0.1 with a free port. */
export async function startAirtablePeer(): Promise<AirtablePeer> {
  const requests: RecordedRequest[] = [];
  const queue: PeerReply[] = [];
  const hanging = new Set<() => void>();
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.all('*', async (c) => {
    const raw = c.env.incoming.url ?? '/';
    const at = raw.indexOf('?');
    requests.push({
      method: c.req.method,
      path: at === -1 ? raw : raw.slice(0, at),
      query: at === -1 ? '' : raw.slice(at + 1),
      headers: c.req.header(),
      body: await c.req.text(),
    });
    const reply = queue.shift() ?? { json: {} };
    if (reply === 'hang') {
      await new Promise<void>((resolve) => {
        hanging.add(resolve);
        c.env.incoming.once('close', resolve);
      });
      return c.body(null, 204);
    }
    const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
    const contentType = reply.text === undefined ? 'application/json; charset=utf-8' : 'text/html';
    return new Response(body, {
      status: reply.status ?? 200,
      headers: { 'content-type': contentType, ...reply.headers },
    });
  });
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(started as Server),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    only: () => {
      if (requests.length !== 1) throw new Error(`expected 1 request, got ${requests.length}`);
      return requests[0]!;
    },
    close: async () => {
      for (const resolve of hanging) resolve();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The token the tests use; asserted never to leak into errors. */
export const TEST_TOKEN = 'patTestToken123.secretpart';

/** A client pointed at the peer (both hosts). */
export function peerClient(peer: AirtablePeer, options: Partial<AirtableClientOptions> = {}): AirtableClient {
  return createAirtableClient({
    token: TEST_TOKEN,
    endpointUrl: peer.url,
    contentEndpointUrl: peer.url,
    ...options,
  });
}

/** A record as Airtable returns it. */
export function fakeRecord(id: string, fields: Record<string, unknown> = {}) {
  return { id, createdTime: '2024-01-02T03:04:05.000Z', fields };
}
