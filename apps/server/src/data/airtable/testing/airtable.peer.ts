// A small in-process HTTP server that speaks Airtable's protocol for the driver's tests: records
// and schema over an in-memory store, Airtable's rate limits (sliding window + lockout), scripted
// faults (429 storms, 5xx, hangs, resets, malformed bodies) and a log of every request it saw.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { PeerFaults, type PeerFault } from './peer.faults';
import { PeerLimits, type PeerLimitOptions } from './peer.limits';
import { routeCall, type PeerCall } from './peer.routes';
import { PeerFailure, PeerStore } from './peer.store';

/** One request as the peer saw it, with what it answered. */
export interface PeerLogEntry {
  at: number;
  method: string;
  path: string;
  query: string;
  baseId?: string;
  status: number | 'hang' | 'reset';
  body: unknown;
}

/** The running peer. */
export interface AirtablePeer {
  url: string;
  token: string;
  store: PeerStore;
  faults: PeerFaults;
  log: PeerLogEntry[];
  /** Turns the rate-limit emulation on (with these limits) or off. */
  setLimits(options: PeerLimitOptions | undefined): void;
  /** Answers 429 for the base for `ms` (needs the emulation on). */
  lockBase(baseId: string, ms: number): void;
  close(): Promise<void>;
}

/** Airtable's real limits; tests usually shorten `lockoutMs`. */
export const AIRTABLE_LIMITS: PeerLimitOptions = { perBase: 5, perToken: 50, windowMs: 1_000, lockoutMs: 30_000 };

/** Starts a peer on 127.0.0.1 (free port) that accepts `token`. */
export async function startAirtablePeer(options: { token?: string; limits?: PeerLimitOptions } = {}): Promise<AirtablePeer> {
  const token = options.token ?? 'patPeerToken.0123456789';
  const store = new PeerStore();
  const faults = new PeerFaults();
  const log: PeerLogEntry[] = [];
  let limits = options.limits ? new PeerLimits(options.limits) : undefined;
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void readBody(request).then((text) => answer({ request, response, text }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const answer = (input: { request: IncomingMessage; response: ServerResponse; text: string }) => {
    const { request, response } = input;
    const url = new URL(request.url ?? '/', 'http://peer');
    const segments = url.pathname.split('/').slice(2).map(decodeURIComponent);
    const entry: PeerLogEntry = {
      at: Date.now(),
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      baseId: baseOf(segments),
      status: 200,
      body: parseJson(input.text),
    };
    log.push(entry);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${token}`) {
      return send(401, { error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } });
    }
    if (limits && !limits.admit({ baseId: entry.baseId, token, now: entry.at })) {
      const retryAfter = limits.options.retryAfterSeconds;
      return send(429, rateLimited(), retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
    }
    const call: PeerCall = { method: entry.method, segments, query: url.searchParams, body: entry.body };
    const fault = faults.take({ method: entry.method, path: url.pathname, baseId: entry.baseId, body: entry.body });
    if (fault) return applyFault({ fault, entry, response, send, run: () => run(call) });
    const result = run(call);
    send(result.status, result.body);
  };

  const run = (call: PeerCall) => {
    try {
      return routeCall(store, call);
    } catch (error) {
      if (!(error instanceof PeerFailure)) throw error;
      return { status: error.status, body: { error: { type: error.type, message: error.message } } };
    }
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    store,
    faults,
    log,
    setLimits: (next) => void (limits = next ? new PeerLimits(next) : undefined),
    lockBase: (baseId, ms) => limits?.lockBase(baseId, Date.now() + ms),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function applyFault(input: {
  fault: PeerFault;
  entry: PeerLogEntry;
  response: ServerResponse;
  send: (status: number, body: unknown, headers?: Record<string, string>) => void;
  run: () => { status: number; body: unknown };
}): void {
  const { fault, entry, response, send } = input;
  if (fault.kind === 'status') {
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    const body = fault.status === 429 ? rateLimited() : { error: { type: fault.type ?? 'SERVER_ERROR', message: 'injected' } };
    return send(fault.status, body, headers);
  }
  if (fault.kind === 'malformed') {
    entry.status = 200;
    response.writeHead(200, { 'content-type': 'text/html' });
    return void response.end('<html>upstream proxy error</html>');
  }
  if (fault.kind === 'delay') {
    const result = input.run();
    return void setTimeout(() => send(result.status, result.body), fault.ms);
  }
  if (fault.kind === 'apply-then-hang') input.run();
  entry.status = fault.kind === 'reset' ? 'reset' : 'hang';
  if (fault.kind === 'reset') response.socket?.destroy();
}

const rateLimited = () => ({ error: { type: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' } });

function baseOf(segments: string[]): string | undefined {
  if (segments[0] === 'meta') return segments[1] === 'bases' ? segments[2] : undefined;
  if (segments[0] === 'bases') return segments[1];
  return segments[0];
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
