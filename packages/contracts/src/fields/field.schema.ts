import { z } from 'zod';
import * as options from './field-options.schema';
import type { FieldType } from './field-types';

const base = { id: z.string(), name: z.string(), description: z.string().optional() };

function withOptions<const T extends FieldType, O extends z.ZodType>(type: T, optionsSchema: O) {
  return z.looseObject({ ...base, type: z.literal(type), options: optionsSchema });
}

function withoutOptions<const T extends FieldType>(type: T) {
  return z.looseObject({ ...base, type: z.literal(type), options: options.emptyOptionsSchema.nullish() });
}

/** A field as the metadata API reads it: `{id, name, type, description?, options?}` with typed options. */
export const fieldSchema = z.discriminatedUnion('type', [
  withoutOptions('singleLineText'),
  withoutOptions('multilineText'),
  withoutOptions('richText'),
  withoutOptions('email'),
  withoutOptions('url'),
  withoutOptions('phoneNumber'),
  withOptions('number', options.numberOptionsSchema),
  withOptions('currency', options.currencyOptionsSchema),
  withOptions('percent', options.numberOptionsSchema),
  withOptions('duration', options.durationOptionsSchema),
  withOptions('rating', options.ratingOptionsSchema),
  withOptions('checkbox', options.checkboxOptionsSchema),
  withOptions('singleSelect', options.selectOptionsSchema),
  withOptions('multipleSelects', options.selectOptionsSchema),
  withoutOptions('singleCollaborator'),
  withoutOptions('multipleCollaborators'),
  withOptions('multipleRecordLinks', options.recordLinksOptionsSchema),
  withOptions('date', options.dateOptionsSchema),
  withOptions('dateTime', options.dateTimeOptionsSchema),
  withOptions('multipleAttachments', options.attachmentsOptionsSchema.optional()),
  withoutOptions('barcode'),
  withoutOptions('autoNumber'),
  withOptions('count', options.countOptionsSchema),
  withOptions('multipleLookupValues', options.lookupOptionsSchema),
  withOptions('rollup', options.rollupOptionsSchema),
  withOptions('formula', options.formulaOptionsSchema),
  withOptions('createdTime', options.createdTimeOptionsSchema.optional()),
  withOptions('lastModifiedTime', options.lastModifiedTimeOptionsSchema.optional()),
  withoutOptions('createdBy'),
  withoutOptions('lastModifiedBy'),
  withoutOptions('button'),
  withOptions('aiText', options.aiTextOptionsSchema.optional()),
  withOptions('externalSyncSource', options.selectOptionsSchema),
  withoutOptions('manualSort'),
]);

/** A field with its typed options, discriminated by `type`. */
export type FieldSchema = z.infer<typeof fieldSchema>;

/** The field of one type, e.g. `FieldOfType<'singleSelect'>` has `options.choices`. */
export type FieldOfType<T extends FieldType> = Extract<FieldSchema, { type: T }>;

/** The options object of one field type (`undefined` for option-less types). */
export type FieldOptionsOf<T extends FieldType> = FieldOfType<T>['options'];

/** View types of the metadata API. */
export const VIEW_TYPES = ['grid', 'form', 'calendar', 'gallery', 'kanban', 'timeline', 'block'] as const;

/** A view: `visibleFieldIds` is present for grid views when requested. */
export const viewSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(VIEW_TYPES),
  personalForUserId: z.string().optional(),
  visibleFieldIds: z.array(z.string()).optional(),
});

/** A view as the metadata API reads it. */
export type ViewSchema = z.infer<typeof viewSchema>;

/** A table as the metadata API reads it (shared/airtable-api.md §3.1). */
export const tableSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  primaryFieldId: z.string(),
  fields: z.array(fieldSchema),
  views: z.array(viewSchema),
  dateDependencySettings: z.record(z.string(), z.unknown()).optional(),
});

/** A table with its fields and views. */
export type TableSchema = z.infer<typeof tableSchema>;
