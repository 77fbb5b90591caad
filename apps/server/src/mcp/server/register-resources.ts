import {
  ProtocolError,
  ProtocolErrorCode,
  ResourceTemplate,
  type McpServer,
} from '@modelcontextprotocol/server';
import type { Authorizer } from '../../platform/authz/authz.types';
import type { ResourceTemplateDefinition } from '../resources/resource.types';
import { normaliseToolError } from '../tools/tool.errors';
import { checkPermission } from '../tools/tool.permission';
import type { ToolContext } from '../tools/tool.types';

const single = (variables: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(variables).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]),
  );

/** A failure of a resource read as a JSON-RPC error: caller mistakes are invalid params, the rest internal. */
function protocolError(error: unknown): ProtocolError {
  const appError = normaliseToolError(error);
  const code = appError.fault === 'user' ? ProtocolErrorCode.InvalidParams : ProtocolErrorCode.InternalError;
  const message = appError.fault === 'bug' ? 'Unexpected server error' : appError.message;
  return new ProtocolError(code, message, { code: appError.code });
}

/** Registers resource templates: listing and reading both pass the Authorizer first. */
export function registerResources(input: {
  server: McpServer;
  resources: readonly ResourceTemplateDefinition[];
  authorizer: Authorizer;
  context: ToolContext;
}): void {
  const { server, authorizer, context } = input;
  for (const definition of input.resources) {
    const template = new ResourceTemplate(definition.uriTemplate, {
      list: async () => {
        try {
          await checkPermission({
            authorizer,
            principal: context.principal,
            action: definition.action,
            resource: {},
          });
          const entries = await definition.list(context);
          return { resources: entries.map((entry) => ({ ...entry, mimeType: definition.mimeType })) };
        } catch (error) {
          throw protocolError(error);
        }
      },
    });
    server.registerResource(
      definition.name,
      template,
      { title: definition.title, description: definition.description, mimeType: definition.mimeType },
      async (uri, variables) => {
        try {
          const values = single(variables);
          await authorizer.check(context.principal, definition.action, definition.resource(values));
          const body = await definition.read(values, context);
          return { contents: [{ uri: uri.href, mimeType: definition.mimeType, text: JSON.stringify(body) }] };
        } catch (error) {
          throw protocolError(error);
        }
      },
    );
  }
}
