import { z } from 'zod';

/** Every Airtable field type (shared/airtable-api.md §3.2), in the records API's spelling. */
export const FIELD_TYPES = [
  'singleLineText',
  'multilineText',
  'richText',
  'email',
  'url',
  'phoneNumber',
  'number',
  'currency',
  'percent',
  'duration',
  'rating',
  'checkbox',
  'singleSelect',
  'multipleSelects',
  'singleCollaborator',
  'multipleCollaborators',
  'multipleRecordLinks',
  'date',
  'dateTime',
  'multipleAttachments',
  'barcode',
  'autoNumber',
  'count',
  'multipleLookupValues',
  'rollup',
  'formula',
  'createdTime',
  'lastModifiedTime',
  'createdBy',
  'lastModifiedBy',
  'button',
  'aiText',
  'externalSyncSource',
  'manualSort',
] as const;

/** An Airtable field type such as `singleLineText` or `multipleRecordLinks`. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** Zod schema of {@link FieldType}. */
export const fieldTypeSchema = z.enum(FIELD_TYPES);

const COMPUTED: ReadonlySet<FieldType> = new Set<FieldType>([
  'autoNumber',
  'count',
  'multipleLookupValues',
  'rollup',
  'formula',
  'createdTime',
  'lastModifiedTime',
  'createdBy',
  'lastModifiedBy',
  'button',
  'aiText',
  'externalSyncSource',
  'manualSort',
]);

const TEXT: ReadonlySet<FieldType> = new Set<FieldType>([
  'singleLineText',
  'multilineText',
  'richText',
  'email',
  'url',
  'phoneNumber',
]);

const NUMERIC: ReadonlySet<FieldType> = new Set<FieldType>([
  'number',
  'currency',
  'percent',
  'duration',
  'rating',
  'autoNumber',
  'count',
]);

const MULTI_VALUED: ReadonlySet<FieldType> = new Set<FieldType>([
  'multipleSelects',
  'multipleCollaborators',
  'multipleRecordLinks',
  'multipleAttachments',
  'multipleLookupValues',
]);

/** True for a known field type name (Airtable may add new ones: callers must tolerate `false`). */
export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value);
}

/** True when Airtable computes the value and rejects writes to it (422 on write). */
export function isComputedFieldType(type: FieldType): boolean {
  return COMPUTED.has(type);
}

/** True for the plain text types whose cell JSON is a string. */
export function isTextFieldType(type: FieldType): boolean {
  return TEXT.has(type);
}

/** True for the types whose cell JSON is always a number. */
export function isNumericFieldType(type: FieldType): boolean {
  return NUMERIC.has(type);
}

/** True for the types whose cell JSON is an array. */
export function isMultiValuedFieldType(type: FieldType): boolean {
  return MULTI_VALUED.has(type);
}
