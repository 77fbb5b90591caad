import type { Client } from '@modelcontextprotocol/client';
import { connectHttpClient } from '../../mcp/testing/mcp.test-server';
import type { MatrixChannel, ProbeWorld } from './authz.matrix';
import type { As } from './platform.harness';

const clients = new Map<string, Promise<Client>>();

/** One tool call as the matrix reads it: success 200, `auth.forbidden` 403, anything else 500. */
async function tool(world: ProbeWorld, as: As, name: string, args: Record<string, unknown>) {
  if (!as || !('bearer' in as)) throw new Error('the MCP channel authenticates with keys');
  let client = clients.get(as.bearer);
  if (!client)
    clients.set(
      as.bearer,
      (client = connectHttpClient({ url: `${world.server.url}/mcp`, token: as.bearer, lane: '2026-07-28' })),
    );
  const result = await (await client).callTool({ name, arguments: args });
  const text = (result.content as { text?: string }[])[0]?.text ?? '';
  if (!result.isError) return { status: 200, text };
  return { status: text.startsWith('Error auth.forbidden') ? 403 : 500, text };
}

/** `/mcp` (Streamable HTTP, protocol 2026-07-28) with a key that has every scope. */
export const mcpChannel: MatrixChannel & { close(): Promise<void> } = {
  name: 'mcp',
  credential: 'key',
  probes: {
    'base.list': (w, as) => tool(w, as, 'list_bases', {}),
    'schema.read': (w, as) => tool(w, as, 'list_tables', { base_id: w.baseId }),
    'schema.write': (w, as) =>
      tool(w, as, 'create_table', {
        base_id: w.baseId,
        name: w.unique(),
        fields: [{ name: 'Name', type: 'singleLineText' }],
      }),
    'records.read': (w, as) => tool(w, as, 'get_records', { base_id: w.baseId, table_id: 'Tasks' }),
    'records.write': (w, as) =>
      tool(w, as, 'create_record', { base_id: w.baseId, table_id: 'Tasks', fields: { Name: 'x' } }),
  },
  async close() {
    for (const client of clients.values()) await (await client).close();
    clients.clear();
  },
};
