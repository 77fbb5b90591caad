import { AppError } from '@tableport/contracts';
import { computedField } from '../fields/cell.errors';
import { isReadOnlyField } from '../fields/codecs';
import { findField, type FieldModel, type TableModel } from '../schema/schema.model';

/** `field.unknown` with Airtable's wording. */
export function unknownField(name: string): AppError {
  return new AppError({
    code: 'field.unknown',
    message: `Unknown field name: "${name}"`,
    details: { field: name },
  });
}

/** The field a key names (id or name), else `field.unknown`. */
export function fieldByKey(table: TableModel, key: string): FieldModel {
  const field = findField(table, key);
  if (!field) throw unknownField(key);
  return field;
}

/**
 * Resolves the keys of a write's `fields` to writable fields (§3.4: unknown names first, then
 * computed fields), keeping the values. Two keys naming the same field: the last wins.
 */
export function writableEntries(table: TableModel, fields: Record<string, unknown>): [FieldModel, unknown][] {
  const entries = Object.entries(fields).map(([key, value]) => [fieldByKey(table, key), value] as const);
  for (const [field] of entries) if (isReadOnlyField(field)) throw computedField(field);
  const byId = new Map<string, [FieldModel, unknown]>();
  for (const [field, value] of entries) byId.set(field.id, [field, value]);
  return [...byId.values()];
}

/** The fields a write can set (every field with a write conversion). */
export function writableFields(table: TableModel): FieldModel[] {
  return table.fields.filter((field) => !isReadOnlyField(field));
}
