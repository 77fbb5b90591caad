import { z } from 'zod';

// Tolerant: cell values stay `unknown` (new field types must never break parsing), unknown keys pass.
/** A record as Airtable returns it; `commentCount` only with `recordMetadata: ['commentCount']`. */
export const recordSchema = z.looseObject({
  id: z.string(),
  createdTime: z.string(),
  fields: z.record(z.string(), z.unknown()),
  commentCount: z.number().optional(),
});

/** One record: id, creation time and cells keyed by field name (or id with `returnFieldsByFieldId`). */
export type AirtableRecord = z.output<typeof recordSchema>;

/** One page of a record list; `offset` is absent on the last page. */
export const recordPageSchema = z.looseObject({
  records: z.array(recordSchema),
  offset: z.string().optional(),
});

/** Batch write answer. */
export const recordsSchema = z.looseObject({ records: z.array(recordSchema) });

/** Upsert answer: every record, plus which ids were created and which updated. */
export const upsertSchema = z.looseObject({
  records: z.array(recordSchema),
  createdRecords: z.array(z.string()),
  updatedRecords: z.array(z.string()),
});

/** Result of an upsert (`performUpsert`). */
export type UpsertResult = z.output<typeof upsertSchema>;

/** Single delete answer. */
export const deletedSchema = z.looseObject({ id: z.string(), deleted: z.boolean() });

/** `{ id, deleted: true }` for one deleted record (or comment). */
export type DeletedRecord = z.output<typeof deletedSchema>;

/** Batch delete answer. */
export const deletedManySchema = z.looseObject({ records: z.array(deletedSchema) });
