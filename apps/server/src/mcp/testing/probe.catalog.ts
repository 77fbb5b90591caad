import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import type { ResourceTemplateDefinition } from '../resources/resource.types';
import { truncationSchema } from '../tools/tool.budget';
import { decodeCursor, encodeCursor } from '../tools/tool.cursor';
import { defineTool, type AnyToolDefinition } from '../tools/tool.types';

const itemsInput = z.object({
  base_id: z.string().regex(/^app[A-Za-z0-9]{14}$/, 'expected a base id like "appXXXXXXXXXXXXXX"'),
  count: z.number().int().min(0).max(1000).default(10),
  width: z.number().int().min(1).max(10_000).default(10),
  cursor: z.string().optional(),
});
type ItemsArgs = z.output<typeof itemsInput>;
const position = z.object({ offset: z.number().int().min(0) });
const scopeOf = (args: ItemsArgs) => ({ tool: 'list_items', query: { ...args, cursor: undefined } });
const offsetOf = (args: ItemsArgs) =>
  args.cursor ? decodeCursor(scopeOf(args), args.cursor, position).offset : 0;

/** A pageable read tool: `count` items of `width` characters from a cursor position. */
const listItems = defineTool({
  name: 'list_items',
  title: 'List items',
  description: 'Lists numbered items (a probe for the protocol tests).',
  input: itemsInput,
  output: z.object({
    items: z.array(z.object({ n: z.number(), text: z.string() })),
    hasMore: z.boolean(),
    nextCursor: z.string().optional(),
    truncated: truncationSchema.optional(),
  }),
  kind: 'read',
  action: 'records.read',
  resource: (args) => ({ baseId: args.base_id }),
  run: async (args) => {
    const offset = offsetOf(args);
    const items = Array.from({ length: args.count }, (_, index) => ({
      n: offset + index,
      text: 'x'.repeat(args.width),
    }));
    return { items, hasMore: false };
  },
  text: (output) => output.items.map((item) => `${item.n}: ${item.text}`).join('\n'),
  paging: {
    items: (output) => output.items,
    cut: ({ args, output, keep }) => ({
      ...output,
      items: output.items.slice(0, keep),
      hasMore: true,
      nextCursor: encodeCursor(scopeOf(args), { offset: offsetOf(args) + keep }),
    }),
  },
});

const writeThing = defineTool({
  name: 'write_thing',
  title: 'Write a thing',
  description: 'Pretends to change data (a probe for write-tool visibility).',
  input: z.object({ base_id: z.string(), value: z.string().min(1) }),
  output: z.object({ written: z.string() }),
  kind: 'write',
  destructive: true,
  action: 'records.write',
  resource: (args) => ({ baseId: args.base_id }),
  run: async (args) => ({ written: args.value }),
});

const failing = defineTool({
  name: 'fail',
  title: 'Fail',
  description: 'Fails as asked (a probe for error mapping).',
  input: z.object({ how: z.enum(['not_found', 'bug', 'blob']) }),
  output: z.object({ blob: z.string() }),
  kind: 'read',
  action: 'records.read',
  run: async (args) => {
    if (args.how === 'not_found')
      throw new AppError({ code: 'request.not_found', message: 'No such thing: try list_items' });
    if (args.how === 'bug') throw new Error('secret internals /etc/passwd');
    return { blob: 'y'.repeat(100_000) };
  },
});

const probeSchema: ResourceTemplateDefinition = {
  name: 'probe-schema',
  title: 'Probe schema',
  description: 'A per-base JSON document (a probe for resources).',
  uriTemplate: 'tableport://bases/{base_id}/schema',
  mimeType: 'application/json',
  action: 'schema.read',
  resource: (variables) => ({ baseId: variables.base_id }),
  list: async () => [{ uri: 'tableport://bases/appAAAAAAAAAAAAAA/schema', name: 'Probe base schema' }],
  read: async (variables) => ({ baseId: variables.base_id, tables: [] }),
};

/** Tools and resources that exercise the MCP framework without the data service. */
export const PROBE_TOOLS: AnyToolDefinition[] = [writeThing, listItems, failing];
export const PROBE_RESOURCES: ResourceTemplateDefinition[] = [probeSchema];
