import type { FieldSchema, TableSchema } from '../../data.types';
import type { FieldModel, TableModel } from './schema.model';

/** A field in the metadata API's shape (`description` and `options` only when present). */
export function toFieldSchema(field: FieldModel): FieldSchema {
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    ...(field.description ? { description: field.description } : {}),
    ...(field.options ? { options: field.options } : {}),
  } as FieldSchema;
}

/** A table in the metadata API's shape; grid views carry `visibleFieldIds` when asked. */
export function toTableSchema(table: TableModel, options: { includeVisibleFieldIds?: boolean } = {}): TableSchema {
  return {
    id: table.id,
    name: table.name,
    ...(table.description ? { description: table.description } : {}),
    primaryFieldId: table.primaryFieldId,
    fields: table.fields.map(toFieldSchema),
    views: table.views.map((view) => ({
      id: view.id,
      name: view.name,
      type: view.type as TableSchema['views'][number]['type'],
      ...(options.includeVisibleFieldIds && view.type === 'grid'
        ? { visibleFieldIds: view.visibleFieldIds ?? table.fields.map((field) => field.id) }
        : {}),
    })),
  };
}
