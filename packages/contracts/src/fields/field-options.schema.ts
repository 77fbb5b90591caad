import { z } from 'zod';
import { fieldTypeSchema } from './field-types';

// Read formats: tolerant of unknown keys (Airtable adds keys without notice), so every object is loose.

const HUES = ['blue', 'cyan', 'teal', 'green', 'yellow', 'orange', 'red', 'pink', 'purple', 'gray'] as const;

/** The 40 select choice colours: each hue in Light2, Light1, Bright and Dark1. */
export const SELECT_COLORS = HUES.flatMap((hue) =>
  (['Light2', 'Light1', 'Bright', 'Dark1'] as const).map((shade) => `${hue}${shade}` as const),
);

/** `{precision}` of number and percent fields (0..8 decimals). */
export const numberOptionsSchema = z.looseObject({ precision: z.number().int().min(0).max(8) });

/** `{precision, symbol}` of currency fields. */
export const currencyOptionsSchema = z.looseObject({
  precision: z.number().int().min(0).max(7),
  symbol: z.string(),
});

/** `{durationFormat}` of duration fields; the cell is a number of seconds. */
export const durationOptionsSchema = z.looseObject({
  durationFormat: z.enum(['h:mm', 'h:mm:ss', 'h:mm:ss.S', 'h:mm:ss.SS', 'h:mm:ss.SSS']),
});

/** `{icon, color, max}` of rating fields. */
export const ratingOptionsSchema = z.looseObject({
  icon: z.string(),
  color: z.string(),
  max: z.number().int().min(1).max(10),
});

/** `{icon, color}` of checkbox fields. */
export const checkboxOptionsSchema = z.looseObject({ icon: z.string(), color: z.string() });

/** One choice of a select field. */
export const selectChoiceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  color: z.string().optional(),
});

/** `{choices}` of singleSelect, multipleSelects and externalSyncSource fields. */
export const selectOptionsSchema = z.looseObject({ choices: z.array(selectChoiceSchema) });

/** `{dateFormat: {name, format}}` of date fields. */
export const dateFormatSchema = z.looseObject({
  name: z.enum(['local', 'friendly', 'us', 'european', 'iso']),
  format: z.string().optional(),
});

/** `{timeFormat: {name, format}}` of dateTime fields. */
export const timeFormatSchema = z.looseObject({
  name: z.enum(['12hour', '24hour']),
  format: z.string().optional(),
});

/** Options of date fields. */
export const dateOptionsSchema = z.looseObject({ dateFormat: dateFormatSchema });

/** Options of dateTime fields: `timeZone` is `utc`, `client` or an IANA name. */
export const dateTimeOptionsSchema = z.looseObject({
  timeZone: z.string(),
  dateFormat: dateFormatSchema,
  timeFormat: timeFormatSchema,
});

/** Options of multipleRecordLinks fields. */
export const recordLinksOptionsSchema = z.looseObject({
  linkedTableId: z.string(),
  isReversed: z.boolean().optional(),
  prefersSingleRecordLink: z.boolean().optional(),
  inverseLinkFieldId: z.string().optional(),
  viewIdForRecordSelection: z.string().optional(),
});

/** Options of multipleAttachments fields. */
export const attachmentsOptionsSchema = z.looseObject({ isReversed: z.boolean().optional() });

/** The `result` of computed fields: the type (and options) their values take. */
export const fieldResultSchema = z.looseObject({
  type: fieldTypeSchema,
  options: z.record(z.string(), z.unknown()).optional(),
});

/** Options of count fields. */
export const countOptionsSchema = z.looseObject({
  isValid: z.boolean(),
  recordLinkFieldId: z.string().nullish(),
});

/** Options of lookup (multipleLookupValues) fields. */
export const lookupOptionsSchema = z.looseObject({
  isValid: z.boolean(),
  recordLinkFieldId: z.string().nullish(),
  fieldIdInLinkedTable: z.string().nullish(),
  result: fieldResultSchema.nullish(),
});

/** Options of rollup fields (Airtable does not expose the aggregation formula). */
export const rollupOptionsSchema = z.looseObject({
  isValid: z.boolean().optional(),
  recordLinkFieldId: z.string().nullish(),
  fieldIdInLinkedTable: z.string().nullish(),
  referencedFieldIds: z.array(z.string()).optional(),
  result: fieldResultSchema.nullish(),
});

/** Options of formula fields: field references in `formula` are `{fldXXX}`. */
export const formulaOptionsSchema = z.looseObject({
  formula: z.string(),
  isValid: z.boolean(),
  referencedFieldIds: z.array(z.string()).nullish(),
  result: fieldResultSchema.nullish(),
});

/** Options of createdTime fields. */
export const createdTimeOptionsSchema = z.looseObject({ result: fieldResultSchema.nullish() });

/** Options of lastModifiedTime fields. */
export const lastModifiedTimeOptionsSchema = z.looseObject({
  isValid: z.boolean().optional(),
  referencedFieldIds: z.array(z.string()).nullish(),
  result: fieldResultSchema.nullish(),
});

/** Options of aiText fields. */
export const aiTextOptionsSchema = z.looseObject({
  prompt: z.array(z.unknown()).optional(),
  referencedFieldIds: z.array(z.string()).optional(),
});

/** Options that carry nothing (collaborator fields answer `{}` or omit them). */
export const emptyOptionsSchema = z.looseObject({});
