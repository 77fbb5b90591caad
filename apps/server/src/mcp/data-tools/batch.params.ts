import { z } from 'zod';
import { cells, record_id } from './tool.params';

/** Most records one batch call takes (its result lists every id). */
export const MAX_BATCH = 1000;

/** A new record: `{fields}` (Airtable's shape) or the bare field object the original tool took. */
export const newRecord = z.preprocess(
  (value) =>
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    'fields' in value
      ? value
      : { fields: value },
  z.object({ fields: cells }).strict(),
);
/** A record to change: its id and cells. */
export const changedRecord = z.object({ id: record_id, fields: cells }).strict();
/** The base and table a record tool touches (permission check, audit). */
export const target = (args: { base_id: string; table_id: string }) => ({
  baseId: args.base_id,
  tableId: args.table_id,
});
