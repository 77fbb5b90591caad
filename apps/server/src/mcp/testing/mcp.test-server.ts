import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { listen } from '../../app/http-server';
import { loadConfig } from '../../config';
import type { Authenticator, Principal } from '../../gateway/gateway.types';
import { createHttpApp } from '../../gateway/http-app';
import { adminTokenAuthenticator, bearerToken } from '../../gateway/middleware/auth';
import { createInFlight } from '../../gateway/middleware/request-context';
import { createLogger } from '../../infra/log/logger';
import { createMetrics } from '../../infra/metrics';
import type { McpAuditEntry } from '../audit/mcp.audit';
import { createMcpModule } from '../mcp.module';
import type { McpCatalog } from '../server/mcp.server';
import { PROBE_RESOURCES, PROBE_TOOLS } from './probe.catalog';
import { createScopeAuthorizer } from './test-authorizer';

/** The admin token of test servers. */
export const TEST_ADMIN_TOKEN = 'a'.repeat(40);

/** Test keys: token → principal. */
export const TEST_KEYS: Record<string, Principal> = {
  'key-read': {
    kind: 'api_key',
    id: 'keyRead',
    userId: 'usrReader',
    scopes: ['data.records:read', 'schema.bases:read'],
  },
  'key-write': {
    kind: 'api_key',
    id: 'keyWrite',
    userId: 'usrWriter',
    scopes: ['data.records:read', 'data.records:write', 'schema.bases:read'],
  },
  'key-one-base': {
    kind: 'api_key',
    id: 'keyOneBase',
    userId: 'usrWriter',
    scopes: ['data.records:read'],
    baseIds: ['appAAAAAAAAAAAAAA'],
  },
};

const keyAuthenticator: Authenticator = async (request) => {
  const token = bearerToken(request);
  return token ? (TEST_KEYS[token] ?? null) : null;
};

/**
 * A real gateway (middleware stack, authenticators, error handler) serving only the MCP module on a
 * loopback port, with probe tools instead of the data service.
 */
export async function startMcpTestServer(
  options: { env?: Record<string, string>; catalog?: McpCatalog } = {},
) {
  const config = loadConfig({ LOG_LEVEL: 'silent', TABLEPORT_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...options.env });
  const logger = createLogger({ level: process.env.TEST_LOG ?? 'silent' });
  const audit: McpAuditEntry[] = [];
  const mcp = createMcpModule({
    config,
    logger,
    version: '0.0.0-test',
    authorizer: createScopeAuthorizer(),
    audit: { record: async (entry) => void audit.push(entry) },
    catalog: options.catalog ?? { tools: PROBE_TOOLS, resources: PROBE_RESOURCES },
  });
  const app = createHttpApp({
    config,
    logger,
    metrics: createMetrics({ version: '0.0.0-test', commit: 'test' }),
    inFlight: createInFlight(),
    authenticators: [adminTokenAuthenticator(TEST_ADMIN_TOKEN), keyAuthenticator],
    readiness: {
      checks: [],
      info: { version: '0.0.0-test', commit: 'test', role: 'all', startedAt: Date.now() },
    },
    bodyLimitOverrides: mcp.module.bodyLimitOverrides?.(),
    mount: (mounts) => mcp.module.routes?.(mounts),
    webDistDir: undefined,
  });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  return {
    url: `${server.url}/mcp`,
    audit,
    stop: async () => {
      await mcp.module.stop?.();
      await server.close({ timeoutMs: 1000 });
    },
  };
}

/** The protocol lanes every test runs on: the current revision and the 2025 `initialize` lane. */
export const LANES = ['2026-07-28', '2025-11-25', '2025-06-18'] as const;
export type Lane = (typeof LANES)[number];

/** Client options that select a lane: pin the modern revision, or offer one 2025 version. */
export const clientOptionsFor = (lane: Lane) =>
  lane === '2026-07-28'
    ? { versionNegotiation: { mode: { pin: lane } } }
    : { supportedProtocolVersions: [lane] };

/** The official SDK client connected over Streamable HTTP on a lane with a bearer token. */
export async function connectHttpClient(input: { url: string; token: string; lane: Lane }): Promise<Client> {
  const client = new Client({ name: 'tableport-test', version: '1.0.0' }, clientOptionsFor(input.lane));
  const transport = new StreamableHTTPClientTransport(new URL(input.url), {
    requestInit: { headers: { authorization: `Bearer ${input.token}` } },
  });
  await client.connect(transport);
  return client;
}
