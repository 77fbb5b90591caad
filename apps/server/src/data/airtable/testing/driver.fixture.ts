// Two real servers: `upstream` plays Airtable (a local base behind its /v0, rate-limit emulation
// on), `tableport` reaches that base through the airtable driver, as a connected real base.
import { ADMIN_TOKEN, startV0Server, type Json, type V0Server } from '../../test/v0.harness';
import { createPacer, DEFAULT_PACING, type Pacer } from '../scheduler/pacing.pacer';

/** The pair of servers and helpers to compare them. */
export interface DriverPair {
  upstream: V0Server;
  tableport: V0Server;
  /** A /v0 call straight to upstream, paced with the driver's own limiter (so both stay under 5/s). */
  direct(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** The same call through Tableport's /v0 (airtable driver). */
  driven(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /**
   * Connects an upstream base to Tableport's default workspace (token stored as a secret). It first
   * lets upstream's rate window pass: a fixture is written straight to upstream, outside any pacing.
   */
  connect(baseId: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts both servers; `TABLEPORT_V0_RATE_LIMIT=5` upstream, as Airtable's limit. */
export async function startDriverPair(): Promise<DriverPair> {
  const upstream = await startV0Server({ env: { TABLEPORT_V0_RATE_LIMIT: '5' } });
  const tableport = await startV0Server({
    env: {
      TABLEPORT_AIRTABLE_URL: upstream.url,
      TABLEPORT_OUTBOUND_ALLOW: '127.0.0.1',
      TABLEPORT_AIRTABLE_FEED_INTERVAL_SECONDS: '1',
    },
  });
  const pacer: Pacer = createPacer({
    limiter: tableport.app.context.kv.rateLimiter,
    tokenKey: 'at:token:direct-test-calls',
    options: DEFAULT_PACING,
  });
  const direct: DriverPair['direct'] = async (method, path, body) => {
    const baseId = /app[A-Za-z0-9]{14}/.exec(path)?.[0];
    const release = await pacer.acquire(baseId ? { baseId } : {});
    const response = await upstream.call(method, path, body).finally(release);
    // Count it again now that it was answered, as the driver's answer window would (it may have
    // reached upstream late on a busy machine).
    if (baseId) await tableport.app.context.kv.rateLimiter.hit(`at:base:${baseId}:sent`, { limit: DEFAULT_PACING.baseLimit, windowMs: DEFAULT_PACING.windowMs });
    return response;
  };
  return {
    upstream,
    tableport,
    direct,
    driven: async (method, path, body) => tableport.call(method, path, body),
    connect: async (baseId) => {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const workspaces = (await tableport.call('GET', '/api/v1/workspaces')).body as { workspaces: Array<{ id: string }> };
      const workspaceId = workspaces.workspaces[0]!.id;
      const answer = await tableport.call('POST', `/api/v1/workspaces/${workspaceId}/airtable-bases`, { baseId, token: ADMIN_TOKEN });
      if (answer.status !== 201) throw new Error(`connect: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
    stop: async () => {
      await tableport.stop();
      await upstream.stop();
    },
  };
}

/** How many answers the upstream gave with this status (from its Prometheus histogram). */
export async function upstreamAnswers(upstream: V0Server, status: number): Promise<number> {
  const text = await (await fetch(`${upstream.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('http_server_request_duration_seconds_count') && line.includes(`http_response_status_code="${status}"`))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
