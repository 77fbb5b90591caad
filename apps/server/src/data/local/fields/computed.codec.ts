import type { FieldCodec } from './field-codec.types';

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  value === false ||
  (Array.isArray(value) && value.length === 0);

/** formula, rollup, lookup: the materialised cell JSON; empty results are omitted like other cells. */
export const computedJsonCodec: FieldCodec = {
  read: (stored) => (isEmpty(stored) ? undefined : stored),
};

/** count and autoNumber: numbers, 0 kept (Airtable answers `"count": 0`). */
export const computedNumberCodec: FieldCodec = {
  read: (stored) => (typeof stored === 'number' ? stored : undefined),
};

/** createdTime and lastModifiedTime: ISO instants. */
export const computedTimeCodec: FieldCodec = {
  read: (stored) => (stored instanceof Date ? stored.toISOString() : typeof stored === 'string' ? stored : undefined),
};

/** createdBy, lastModifiedBy, aiText and other object cells. */
export const computedObjectCodec: FieldCodec = {
  read: (stored) => (stored && typeof stored === 'object' ? stored : undefined),
};

/** externalSyncSource: a text cell only a sync writes. */
export const computedTextCodec: FieldCodec = {
  read: (stored) => (typeof stored === 'string' && stored !== '' ? stored : undefined),
};
