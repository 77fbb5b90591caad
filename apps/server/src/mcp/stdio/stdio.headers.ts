import type { JSONRPCMessage } from '@modelcontextprotocol/server';

const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';

type Params = { _meta?: Record<string, unknown>; name?: unknown; uri?: unknown } | undefined;

/** The 2026-07-28 protocol version a message claims in its `_meta` envelope, if any. */
export function envelopeVersion(message: JSONRPCMessage): string | undefined {
  const params = 'params' in message ? (message.params as Params) : undefined;
  const version = params?._meta?.[PROTOCOL_VERSION_META];
  return typeof version === 'string' ? version : undefined;
}

/**
 * The HTTP headers Streamable HTTP requires beside a message: `MCP-Protocol-Version` (the envelope's
 * version, or the version the 2025 handshake negotiated), and on the current revision `Mcp-Method`
 * and `Mcp-Name` (the tool, prompt or resource a request names).
 */
export function protocolHeaders(
  message: JSONRPCMessage,
  negotiated: string | undefined,
): Record<string, string> {
  const modern = envelopeVersion(message);
  const headers: Record<string, string> = {};
  const version = modern ?? negotiated;
  if (version) headers['mcp-protocol-version'] = version;
  if (!modern || !('method' in message)) return headers;
  headers['mcp-method'] = message.method;
  const params = message.params as Params;
  const name = message.method === 'resources/read' ? params?.uri : params?.name;
  if (typeof name === 'string' && /^(tools\/call|prompts\/get|resources\/read)$/.test(message.method)) {
    headers['mcp-name'] = name;
  }
  return headers;
}
