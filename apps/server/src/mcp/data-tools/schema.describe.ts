import { z } from 'zod';
import type { BaseSchema, FieldSchema, TableSchema } from '../../data';

/** How much of a schema a tool returns (the names of domdomegg's `detailLevel`, which models know). */
export const detail_level = z
  .enum(['tableIdentifiersOnly', 'identifiersOnly', 'full'])
  .describe(
    'tableIdentifiersOnly: table ids and names; identifiersOnly: plus field ids and names; full: plus types, options and views',
  );
export type DetailLevel = z.output<typeof detail_level>;

const fieldOut = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().optional(),
  description: z.string().optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});

/** A table as schema tools describe it. */
export const tableOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  primaryField: z.string().optional(),
  fieldCount: z.number().int(),
  viewCount: z.number().int(),
  fields: z.array(fieldOut).optional(),
  views: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })).optional(),
});
export type TableOut = z.output<typeof tableOut>;

/** A field's options, trimmed to what a model needs: choice names, linked table names, formulas. */
export function compactOptions(field: FieldSchema, schema: BaseSchema): Record<string, unknown> | undefined {
  const options = field.options;
  if (!options) return undefined;
  const tableName = (id: unknown) => schema.tables.find((table) => table.id === id)?.name ?? id;
  const fieldName = (id: unknown) =>
    schema.tables.flatMap((table) => table.fields).find((candidate) => candidate.id === id)?.name ?? id;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'choices' && Array.isArray(value))
      out.choices = value.map((choice: { name?: string }) => choice.name);
    else if (key === 'linkedTableId') out.linkedTable = tableName(value);
    else if (key === 'recordLinkFieldId') out.viaLinkField = fieldName(value);
    else if (key === 'fieldIdInLinkedTable') out.linkedField = fieldName(value);
    else if (key === 'result' && value && typeof value === 'object')
      out.resultType = (value as { type?: string }).type;
    else if (
      key === 'inverseLinkFieldId' ||
      key === 'referencedFieldIds' ||
      key === 'isValid' ||
      key === 'isReversed'
    )
      continue;
    else out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A table at a detail level. */
export function describeTable(table: TableSchema, schema: BaseSchema, level: DetailLevel): TableOut {
  const primary = table.fields.find((field) => field.id === table.primaryFieldId)?.name;
  const out: TableOut = {
    id: table.id,
    name: table.name,
    ...(table.description ? { description: table.description } : {}),
    ...(primary ? { primaryField: primary } : {}),
    fieldCount: table.fields.length,
    viewCount: table.views.length,
  };
  if (level === 'tableIdentifiersOnly') return out;
  out.fields = table.fields.map((field) => {
    if (level === 'identifiersOnly') return { id: field.id, name: field.name };
    const options = compactOptions(field, schema);
    return {
      id: field.id,
      name: field.name,
      type: field.type,
      ...(field.description ? { description: field.description } : {}),
      ...(options ? { options } : {}),
    };
  });
  if (level === 'full')
    out.views = table.views.map((view) => ({ id: view.id, name: view.name, type: view.type }));
  return out;
}

/** Tables as compact text: one line per table, then indented fields. */
export function tablesText(tables: readonly TableOut[]): string {
  return tables
    .map((table) => {
      const head = `${table.name} (${table.id}): ${table.fieldCount} fields, ${table.viewCount} views${table.primaryField ? `, primary ${table.primaryField}` : ''}${table.description ? ` — ${table.description}` : ''}`;
      const fields = (table.fields ?? []).map(
        (field) =>
          `  ${field.name} (${field.id})${field.type ? ` ${field.type}` : ''}${field.options ? ` ${JSON.stringify(field.options)}` : ''}`,
      );
      const views = table.views?.length
        ? [`  views: ${table.views.map((view) => `${view.name} (${view.id}, ${view.type})`).join(', ')}`]
        : [];
      return [head, ...fields, ...views].join('\n');
    })
    .join('\n');
}
