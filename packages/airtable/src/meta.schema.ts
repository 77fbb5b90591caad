import type { FieldType as KnownFieldType } from '@tableport/contracts';
import { z } from 'zod';

/** A field type from the contracts' model, or any other string: new types appear without notice. */
export type FieldType = KnownFieldType | (string & {});

// Tolerant: `type` is any string and `options` any object, so unknown field types parse.
/** A field of a table schema. */
export const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string().optional(),
  options: z.record(z.string(), z.unknown()).nullish(),
});
/** A field as Airtable describes it. */
export type AirtableField = z.output<typeof fieldSchema> & { type: FieldType };

/** A view; `visibleFieldIds` only for grid views when requested. */
export const viewSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  personalForUserId: z.string().optional(),
  visibleFieldIds: z.array(z.string()).optional(),
});
/** A view as Airtable describes it. */
export type AirtableView = z.output<typeof viewSchema>;

/** A table of a base schema. */
export const tableSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  primaryFieldId: z.string(),
  fields: z.array(fieldSchema),
  views: z.array(viewSchema).default([]),
});
/** A table as Airtable describes it. */
export type AirtableTable = z.output<typeof tableSchema>;

/** `GET /v0/meta/bases/{baseId}/tables`. */
export const baseSchemaSchema = z.looseObject({ tables: z.array(tableSchema) });
/** A base's schema: its tables with fields and views. */
export type AirtableBaseSchema = z.output<typeof baseSchemaSchema>;

/** `GET /v0/meta/whoami`. */
export const whoamiSchema = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
  scopes: z.array(z.string()).optional(),
});
/** The token's user (`email` with `user.email:read`, `scopes` for OAuth tokens). */
export type AirtableWhoami = z.output<typeof whoamiSchema>;

/** One base of `GET /v0/meta/bases`. */
export const baseSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  permissionLevel: z.string(),
});
/** A base the token can see, with the user's permission level (`none|read|comment|edit|create`). */
export type AirtableBaseSummary = z.output<typeof baseSummarySchema>;

/** One page of bases (1,000 per page). */
export const basesPageSchema = z.looseObject({
  bases: z.array(baseSummarySchema),
  offset: z.string().optional(),
});

/** `POST /v0/meta/bases`. */
export const createdBaseSchema = z.looseObject({ id: z.string(), tables: z.array(tableSchema) });
/** A created base: its id and tables. */
export type AirtableCreatedBase = z.output<typeof createdBaseSchema>;
