import { wallTimeToInstant } from './dates.zone';
import { FormulaDate } from './values.types';

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([aApP][mM])?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const SLASHED =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([aApP][mM])?)?$/;

/** Fields read from text before they become an instant. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  meridiem?: string | undefined;
  offsetMinutes?: number | undefined;
}

/**
 * Parses date text without a format: ISO 8601 (`2024-01-02`, `2024-01-02T03:04:05.678Z`, `2024-01-02 15:04`)
 * and `M/D/YYYY [h:mm[:ss] [am|pm]]`. Text without an offset is read in `timeZone` (default UTC).
 */
export function parseDateText(text: string, timeZone: string | null = null): FormulaDate | null {
  if (timeZone !== null) return parseUncached(text, timeZone);
  // Filters compare every row with the same few constants: parsing each text once pays off.
  let parsed = cache.get(text);
  if (parsed === undefined) {
    if (cache.size >= 10_000) cache.clear();
    parsed = parseUncached(text, null);
    cache.set(text, parsed);
  }
  return parsed;
}

const cache = new Map<string, FormulaDate | null>();

function parseUncached(text: string, timeZone: string | null): FormulaDate | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) return fieldsToDate(isoFields(iso), timeZone);
  const slashed = SLASHED.exec(trimmed);
  if (!slashed) return null;
  const yearFirst = slashed[1]!.length === 4;
  const [year, month, day] = yearFirst
    ? [slashed[1], slashed[2], slashed[3]]
    : [slashed[3], slashed[1], slashed[2]];
  if (year!.length !== 4) return null;
  return fieldsToDate(
    { ...timeFields(slashed, 4), year: Number(year), month: Number(month), day: Number(day) },
    timeZone,
  );
}

function isoFields(match: RegExpExecArray): DateFields {
  return {
    ...timeFields(match, 4),
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    offsetMinutes: match[9] === undefined ? undefined : offsetMinutes(match[9]),
  };
}

function timeFields(match: RegExpExecArray, first: number): Omit<DateFields, 'year' | 'month' | 'day'> {
  return {
    hour: Number(match[first] ?? 0),
    minute: Number(match[first + 1] ?? 0),
    second: Number(match[first + 2] ?? 0),
    millisecond: Math.floor(Number(`0.${match[first + 3] ?? '0'}`) * 1000),
    meridiem: match[first + 4],
  };
}

/** `Z`, `+05`, `+0530` or `-05:30` to minutes east of UTC. */
export function offsetMinutes(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return text.startsWith('-') ? -minutes : minutes;
}

/** Validates the fields and turns them into an instant (rejects Feb 30, hour 25, ...). */
export function fieldsToDate(fields: DateFields, timeZone: string | null): FormulaDate | null {
  let hour = fields.hour;
  if (fields.meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (fields.meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  const { year, month, day, minute, second, millisecond } = fields;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = utcMs(year, month - 1, day, hour, minute, second, millisecond);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCFullYear() !== year) return null;
  const ms =
    fields.offsetMinutes === undefined
      ? wallTimeToInstant(wall, timeZone)
      : wall - fields.offsetMinutes * 60_000;
  return Number.isNaN(ms) ? null : new FormulaDate(ms);
}

/** `Date.UTC` without its two-digit-year quirk (years 0..99 stay as written). */
export function utcMs(
  year: number,
  month0: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const date = new Date(Date.UTC(2000, month0, day, hour, minute, second, ms));
  date.setUTCFullYear(year + Math.floor(month0 / 12), ((month0 % 12) + 12) % 12, day);
  return date.getTime();
}
