import { z } from 'zod';
import type { FieldType } from './field-types';

/** A collaborator cell (`singleCollaborator`, `createdBy`, `lastModifiedBy`). */
export const collaboratorSchema = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
});
export type Collaborator = z.infer<typeof collaboratorSchema>;

const thumbnailSchema = z.looseObject({ url: z.string(), width: z.number(), height: z.number() });

/** One attachment of a `multipleAttachments` cell. */
export const attachmentSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  filename: z.string(),
  size: z.number().optional(),
  type: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  thumbnails: z
    .looseObject({
      small: thumbnailSchema.optional(),
      large: thumbnailSchema.optional(),
      full: thumbnailSchema.optional(),
    })
    .optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** A barcode cell. */
export const barcodeSchema = z.looseObject({ text: z.string(), type: z.string().nullish() });
export type Barcode = z.infer<typeof barcodeSchema>;

/** A button cell. */
export const buttonValueSchema = z.looseObject({ label: z.string(), url: z.string().nullable() });
export type ButtonValue = z.infer<typeof buttonValueSchema>;

/** An AI text cell. */
export const aiTextValueSchema = z.looseObject({
  state: z.enum(['empty', 'loading', 'generated', 'error']),
  isStale: z.boolean(),
  value: z.string().nullable(),
  errorType: z.string().optional(),
});
export type AiTextValue = z.infer<typeof aiTextValueSchema>;

/** A formula or rollup cell that failed: `{"error":"#ERROR!"}` or `{"specialValue":"NaN"}`. */
export const errorCellSchema = z.union([
  z.strictObject({ error: z.string() }),
  z.strictObject({ specialValue: z.enum(['NaN', 'Infinity', '-Infinity']) }),
]);
export type ErrorCell = z.infer<typeof errorCellSchema>;

/** True when a cell is one of Airtable's error or special-value objects (pyairtable's rule). */
export function isErrorCell(value: unknown): value is ErrorCell {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'error' || keys[0] === 'specialValue');
}

/** A scalar that formula, rollup and lookup cells may hold. */
export type ComputedScalar = string | number | boolean | null | ErrorCell;

/** The cell JSON (V1 REST format) of each field type, as read; an empty cell is omitted (undefined). */
export interface CellValueByType {
  singleLineText: string;
  multilineText: string;
  richText: string;
  email: string;
  url: string;
  phoneNumber: string;
  number: number;
  currency: number;
  percent: number;
  duration: number;
  rating: number;
  checkbox: boolean;
  singleSelect: string;
  multipleSelects: string[];
  singleCollaborator: Collaborator;
  multipleCollaborators: Collaborator[];
  multipleRecordLinks: string[];
  date: string;
  dateTime: string;
  multipleAttachments: Attachment[];
  barcode: Barcode;
  autoNumber: number;
  count: number;
  multipleLookupValues: unknown[];
  rollup: ComputedScalar | ComputedScalar[];
  formula: ComputedScalar | ComputedScalar[];
  createdTime: string;
  lastModifiedTime: string;
  createdBy: Collaborator;
  lastModifiedBy: Collaborator;
  button: ButtonValue;
  aiText: AiTextValue;
  externalSyncSource: string;
  manualSort: never;
}

/** The cell JSON of one field type. */
export type CellValue<T extends FieldType = FieldType> = CellValueByType[T];

/** A record's `fields` object: field name (or id) to cell JSON; empty cells are absent. */
export type RecordFields = Record<string, unknown>;
