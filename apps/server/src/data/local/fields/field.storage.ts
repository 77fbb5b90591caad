import type { FieldType } from '@tableport/contracts';
import type { FieldModel } from '../schema/schema.model';
import { quoteId } from '../schema/schema.model';

/** The SQL types a field's own column can have. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'textArray' | 'json' | 'date' | 'timestamp';

const KIND_BY_TYPE: Partial<Record<FieldType, ColumnKind>> = {
  singleLineText: 'text',
  multilineText: 'text',
  richText: 'text',
  email: 'text',
  url: 'text',
  phoneNumber: 'text',
  singleSelect: 'text',
  externalSyncSource: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  duration: 'number',
  rating: 'number',
  count: 'number',
  checkbox: 'boolean',
  multipleSelects: 'textArray',
  multipleRecordLinks: 'textArray',
  singleCollaborator: 'json',
  multipleCollaborators: 'json',
  multipleAttachments: 'json',
  barcode: 'json',
  aiText: 'json',
  multipleLookupValues: 'json',
  rollup: 'json',
  formula: 'json',
  date: 'date',
  dateTime: 'timestamp',
};

const SQL_TYPE: Record<ColumnKind, string> = {
  text: 'text COLLATE "C"',
  number: 'double precision',
  boolean: 'boolean',
  textArray: 'text[]',
  json: 'jsonb',
  date: 'date',
  timestamp: 'timestamptz',
};

const CAST: Record<ColumnKind, string> = {
  text: 'text',
  number: 'float8',
  boolean: 'boolean',
  textArray: 'text[]',
  json: 'jsonb',
  date: 'date',
  timestamp: 'timestamptz',
};

/** True when a lastModifiedTime field watches only some fields (it then has a column of its own). */
export function watchesSomeFields(field: FieldModel): boolean {
  const ids = field.options?.referencedFieldIds;
  return field.type === 'lastModifiedTime' && Array.isArray(ids) && ids.length > 0;
}

/** The kind of the field's own column, or null when its value comes from a row column or options. */
export function columnKind(field: FieldModel): ColumnKind | null {
  if (watchesSomeFields(field)) return 'timestamp';
  return KIND_BY_TYPE[field.type] ?? null;
}

/** `"fldX" <type>` for ALTER/CREATE TABLE, or null when the field has no column. */
export function columnDefinition(field: FieldModel): string | null {
  const kind = columnKind(field);
  return kind ? `${quoteId(field.id)} ${SQL_TYPE[kind]}` : null;
}

/** The row key a field's stored value is read from (`seq`, `created_time`, ... or its id). */
export function sourceKey(field: FieldModel): string | null {
  switch (field.type) {
    case 'autoNumber':
      return 'seq';
    case 'createdTime':
      return 'created_time';
    case 'createdBy':
      return 'created_by';
    case 'lastModifiedBy':
      return 'modified_by';
    case 'lastModifiedTime':
      return watchesSomeFields(field) ? field.id : 'modified_time';
    default:
      return columnKind(field) ? field.id : null;
  }
}

/** SQL reading the field's stored value from alias `t`, or null. */
export function sourceSql(field: FieldModel, alias = 't'): string | null {
  const key = sourceKey(field);
  if (key === null) return null;
  return key === field.id ? `${alias}.${quoteId(field.id)}` : `${alias}.${key}`;
}

/** A bound parameter placeholder with the column's cast, e.g. `$3::float8`. */
export function castParam(kind: ColumnKind, index: number): string {
  return `$${index}::${CAST[kind]}`;
}

/** A stored value as a query parameter (JSON columns are sent as text). */
export function toParam(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return kind === 'json' ? JSON.stringify(value) : value;
}
