/**
 * One type mapping for raw queries on both drivers, so PGlite and PostgreSQL return the same JS values:
 * int8 → number (counts, auto numbers), numeric → string (exact), date → 'YYYY-MM-DD' string (no
 * time-zone shift), timestamptz/timestamp → Date, json/jsonb → parsed, bool → boolean.
 */
export const PG_OIDS = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  int8Array: 1016,
} as const;

export const parseInt8 = (value: string): number => Number(value);
export const keepString = (value: string): string => value;
export const parseInt8Array = (value: string): number[] =>
  value === '{}' ? [] : value.slice(1, -1).split(',').map(Number);
