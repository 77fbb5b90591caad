import type { ResourceTemplateDefinition } from '../resources/resource.types';
import { describeTable } from './schema.describe';
import type { DataToolDeps } from './tool.deps';
import { callerOf } from './tool.params';

/** `tableport://bases/{base_id}/schema`: a base's tables, fields (types, options) and views. */
export function baseSchemaResource(deps: DataToolDeps): ResourceTemplateDefinition {
  return {
    name: 'base-schema',
    title: 'Base schema',
    description:
      'The tables of a base with their fields (types, options) and views, as describe_table shows them.',
    uriTemplate: 'tableport://bases/{base_id}/schema',
    mimeType: 'application/json',
    action: 'schema.read',
    resource: (variables) => ({ baseId: variables.base_id }),
    list: async (context) => {
      const entries = [];
      let offset: string | undefined;
      do {
        const page = await deps.data.listBases({ caller: callerOf(context), ...(offset ? { offset } : {}) });
        entries.push(
          ...page.bases.map((base) => ({
            uri: `tableport://bases/${base.id}/schema`,
            name: `${base.name} schema`,
            title: base.name,
          })),
        );
        offset = page.offset;
      } while (offset);
      return entries;
    },
    read: async (variables, context) => {
      const baseId = variables.base_id ?? '';
      const schema = await deps.data.getBaseSchema({ caller: callerOf(context), baseId });
      return { baseId, tables: schema.tables.map((table) => describeTable(table, schema, 'full')) };
    },
  };
}
