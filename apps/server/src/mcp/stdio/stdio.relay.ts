import {
  deserializeMessage,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type RequestId,
  type Transport,
} from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { AppError } from '@tableport/contracts';
import type { Logger } from '../../infra/log/logger';
import { sseData } from './sse.parse';
import { protocolHeaders } from './stdio.headers';

/** Options of {@link startRelay}. */
export interface RelayOptions {
  /** The server's Streamable HTTP endpoint (`…/mcp`). */
  url: string;
  token: string;
  logger: Logger;
  /** Default: this process's stdin/stdout. */
  transport?: Transport;
}

const relayFailed = (message: string, cause?: unknown) =>
  new AppError({ code: 'mcp.relay_failed', message, cause });

async function* repliesOf(response: Response, url: string): AsyncGenerator<JSONRPCMessage> {
  if (response.status === 202 || response.status === 204) return;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/event-stream') && response.body) {
    for await (const data of sseData(response.body)) yield deserializeMessage(data);
    return;
  }
  const text = await response.text();
  if (type.includes('application/json') && text.includes('"jsonrpc"')) {
    yield deserializeMessage(text);
    return;
  }
  if (response.status === 401 || response.status === 403) {
    throw relayFailed(
      `The server at ${url} refused the credentials (${response.status}): set TABLEPORT_API_KEY to a valid key.`,
    );
  }
  throw relayFailed(`The server at ${url} answered HTTP ${response.status} without an MCP message.`);
}

/**
 * `tableport mcp` in front of a running server: every message read on stdin is POSTed to `/mcp`
 * with the key and the protocol headers, and every reply (a JSON body or an SSE stream) is written
 * to stdout. Both lanes pass through: the 2025 handshake's version is remembered for the
 * `MCP-Protocol-Version` header. A cancellation aborts the request (closing the stream cancels).
 */
export async function startRelay(options: RelayOptions): Promise<{ closed: Promise<void> }> {
  const transport = options.transport ?? new StdioServerTransport();
  const inFlight = new Map<RequestId, AbortController>();
  let negotiated: string | undefined;
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => {
      for (const controller of inFlight.values()) controller.abort();
      resolve();
    };
  });
  const post = async (message: JSONRPCMessage, signal: AbortSignal) => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${options.token}`,
        ...protocolHeaders(message, negotiated),
      },
      body: JSON.stringify(message),
      signal,
    }).catch((error: unknown) => {
      throw relayFailed(`Cannot reach ${options.url}: is \`tableport start\` running there?`, error);
    });
    for await (const reply of repliesOf(response, options.url)) {
      if (isJSONRPCRequest(message) && message.method === 'initialize' && isJSONRPCResultResponse(reply)) {
        negotiated = (reply.result as { protocolVersion?: string }).protocolVersion;
      }
      await transport.send(reply);
    }
  };
  const forward = async (message: JSONRPCMessage) => {
    if (isJSONRPCNotification(message) && message.method === 'notifications/cancelled') {
      inFlight.get((message.params as { requestId: RequestId }).requestId)?.abort();
      return;
    }
    const id = isJSONRPCRequest(message) ? message.id : undefined;
    const controller = new AbortController();
    if (id !== undefined) inFlight.set(id, controller);
    try {
      await post(message, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = AppError.isInstance(error)
        ? error
        : relayFailed(`Relay error: ${String(error)}`, error);
      options.logger.warn({ err: error }, failure.message);
      if (id !== undefined) {
        const data = { code: failure.code };
        await transport.send({ jsonrpc: '2.0', id, error: { code: -32603, message: failure.message, data } });
      }
    } finally {
      if (id !== undefined) inFlight.delete(id);
    }
  };
  transport.onmessage = (message: JSONRPCMessage) => void forward(message);
  transport.onerror = (error) => options.logger.warn({ err: error }, 'stdio transport error');
  await transport.start();
  return { closed };
}
